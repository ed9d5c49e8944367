package io.github.lrabench.models.fourier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The validated hyperparameters of an FNet classifier, read from the block {@code lra.models.fnet}.
 *
 * @param hiddenSize d, the width of the embeddings and of every encoder layer (key {@code hidden-size})
 * @param numLayers the number of encoder layers (key {@code num-layers})
 * @param ffnSize the inner width of each layer's feed-forward network (key {@code ffn-size})
 * @param headSize the hidden width of the classifier head Dense → ReLU → Dense (key {@code head-size})
 * @param dropout the dropout rate on the embeddings and on each feed-forward output, training only (key {@code
 *     dropout})
 * @param layerNormEpsilon the epsilon of every layer norm; FNet uses 1e-12 (key {@code layer-norm-epsilon})
 * @param clsToken whether a learned CLS vector is prepended to the sequence (key {@code cls-token})
 * @param pooling how the encoder output is pooled for the head (key {@code pooling}: {@code cls} or {@code mean})
 * @param mixing how the Fourier mixing is computed (key {@code mixing}: {@code auto}, {@code fft} or {@code dft})
 */
record FNetConfig(int hiddenSize, int numLayers, int ffnSize, int headSize, double dropout,
        double layerNormEpsilon, boolean clsToken, Pooling pooling, MixingMode mixing) {

    /** The path of the provider's block, used to name keys in messages. */
    static final String PREFIX = "lra.models.fnet.";

    /**
     * Reads and validates every key, reporting all problems in one exception.
     *
     * @param config the provider's block with the chosen variant merged on top
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    static FNetConfig from(Config config) {
        List<String> problems = new ArrayList<>();
        int hiddenSize = read(config, "hidden-size", Config::getInt, problems).orElse(1);
        int numLayers = read(config, "num-layers", Config::getInt, problems).orElse(1);
        int ffnSize = read(config, "ffn-size", Config::getInt, problems).orElse(1);
        int headSize = read(config, "head-size", Config::getInt, problems).orElse(1);
        double dropout = read(config, "dropout", Config::getDouble, problems).orElse(0.0);
        double epsilon = read(config, "layer-norm-epsilon", Config::getDouble, problems).orElse(1.0);
        boolean clsToken = read(config, "cls-token", Config::getBoolean, problems).orElse(false);
        Optional<String> poolingName = read(config, "pooling", Config::getString, problems);
        Optional<String> mixingName = read(config, "mixing", Config::getString, problems);

        atLeastOne("hidden-size", hiddenSize, problems);
        atLeastOne("num-layers", numLayers, problems);
        atLeastOne("ffn-size", ffnSize, problems);
        atLeastOne("head-size", headSize, problems);
        if (!(dropout >= 0 && dropout < 1)) {
            problems.add(PREFIX + "dropout must lie in [0, 1) but was " + dropout);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            problems.add(PREFIX + "layer-norm-epsilon must lie in (0, 1) but was " + epsilon);
        }
        Pooling pooling = poolingName.flatMap(name -> {
            Optional<Pooling> parsed = Pooling.parse(name);
            if (parsed.isEmpty()) {
                problems.add(PREFIX + "pooling must be one of " + Pooling.choices() + " but was '" + name + "'");
            }
            return parsed;
        }).orElse(Pooling.MEAN);
        MixingMode mixing = mixingName.flatMap(name -> {
            Optional<MixingMode> parsed = MixingMode.parse(name);
            if (parsed.isEmpty()) {
                problems.add(PREFIX + "mixing must be one of " + MixingMode.choices() + " but was '" + name + "'");
            }
            return parsed;
        }).orElse(MixingMode.AUTO);
        if (pooling == Pooling.CLS && !clsToken && poolingName.isPresent()) {
            problems.add(PREFIX + "pooling = cls needs " + PREFIX + "cls-token = true (without it position 0 is"
                    + " the first pixel)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid FNet configuration: " + String.join("; ", problems));
        }
        return new FNetConfig(hiddenSize, numLayers, ffnSize, headSize, dropout, epsilon, clsToken, pooling,
                mixing);
    }

    private static <T> Optional<T> read(
            Config config, String key, BiFunction<Config, String, T> getter, List<String> problems) {
        try {
            return Optional.of(getter.apply(config, key));
        } catch (ConfigException.Missing e) {
            problems.add(PREFIX + key + " is missing");
        } catch (ConfigException e) {
            problems.add(PREFIX + key + " is invalid: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static void atLeastOne(String key, int value, List<String> problems) {
        if (value < 1) {
            problems.add(PREFIX + key + " must be >= 1 but was " + value);
        }
    }
}
