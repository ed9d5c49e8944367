package io.github.lrabench.models.ssm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The validated hyperparameters of an S4D classifier, read from the block {@code lra.models.s4d}.
 *
 * @param modelSize H, the width of the residual stream and the number of independent SSMs per layer (key {@code
 *     d-model})
 * @param numLayers the number of residual S4D blocks (key {@code num-layers})
 * @param stateSize N, the state size of each SSM; the diagonal holds N/2 complex-conjugate pairs, so N is even
 *     (key {@code state-size})
 * @param dropout the dropout rate inside each S4D layer and on its output, one mask per channel shared over the
 *     sequence; training only (key {@code dropout})
 * @param dtMin the lower end of the log-uniform initialisation of the step Δ (key {@code dt-min})
 * @param dtMax the upper end of that initialisation (key {@code dt-max})
 * @param prenorm layer norm before each S4D layer (true) or after the residual sum (false; key {@code prenorm})
 * @param layerNormEpsilon the epsilon of every layer norm (key {@code layer-norm-epsilon})
 * @param ssmLearningRate the peak learning rate of the state-space parameters log Δ, log(−Re Λ) and Im Λ (key
 *     {@code ssm-learning-rate})
 * @param ssmWeightDecay whether weight decay applies to the state-space parameters (key {@code ssm-weight-decay})
 */
record S4DConfig(int modelSize, int numLayers, int stateSize, double dropout, double dtMin, double dtMax,
        boolean prenorm, double layerNormEpsilon, double ssmLearningRate, boolean ssmWeightDecay) {

    /** The path of the provider's block, used to name keys in messages. */
    static final String PREFIX = "lra.models.s4d.";

    /**
     * Reads and validates every key, reporting all problems in one exception.
     *
     * @param config the provider's block with the chosen variant merged on top
     * @return the configuration
     * @throws IllegalArgumentException naming each offending key
     */
    static S4DConfig from(Config config) {
        List<String> problems = new ArrayList<>();
        int modelSize = read(config, "d-model", Config::getInt, problems).orElse(1);
        int numLayers = read(config, "num-layers", Config::getInt, problems).orElse(1);
        int stateSize = read(config, "state-size", Config::getInt, problems).orElse(2);
        double dropout = read(config, "dropout", Config::getDouble, problems).orElse(0.0);
        double dtMin = read(config, "dt-min", Config::getDouble, problems).orElse(0.001);
        double dtMax = read(config, "dt-max", Config::getDouble, problems).orElse(0.1);
        boolean prenorm = read(config, "prenorm", Config::getBoolean, problems).orElse(true);
        double epsilon = read(config, "layer-norm-epsilon", Config::getDouble, problems).orElse(1e-5);
        double ssmRate = read(config, "ssm-learning-rate", Config::getDouble, problems).orElse(0.0);
        boolean ssmDecay = read(config, "ssm-weight-decay", Config::getBoolean, problems).orElse(false);

        if (modelSize < 1) {
            problems.add(PREFIX + "d-model must be >= 1 but was " + modelSize);
        }
        if (numLayers < 1) {
            problems.add(PREFIX + "num-layers must be >= 1 but was " + numLayers);
        }
        if (stateSize < 2 || stateSize % 2 != 0) {
            problems.add(PREFIX + "state-size must be even and >= 2 (N/2 conjugate pairs) but was " + stateSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            problems.add(PREFIX + "dropout must lie in [0, 1) but was " + dropout);
        }
        if (!(dtMin > 0 && dtMax >= dtMin)) {
            problems.add(PREFIX + "dt-min and dt-max must satisfy 0 < dt-min <= dt-max but were " + dtMin + " and "
                    + dtMax);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            problems.add(PREFIX + "layer-norm-epsilon must lie in (0, 1) but was " + epsilon);
        }
        if (!(ssmRate >= 0 && Double.isFinite(ssmRate))) {
            problems.add(PREFIX + "ssm-learning-rate must be finite and >= 0 but was " + ssmRate);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid S4D configuration: " + String.join("; ", problems));
        }
        return new S4DConfig(modelSize, numLayers, stateSize, dropout, dtMin, dtMax, prenorm, epsilon, ssmRate,
                ssmDecay);
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
}
