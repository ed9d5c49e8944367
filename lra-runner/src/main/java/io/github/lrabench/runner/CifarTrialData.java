package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.dataset.CifarData;
import io.github.lrabench.dataset.CifarLoader;
import io.github.lrabench.dataset.DataSettings;
import io.github.lrabench.dataset.DataSplits;
import io.github.lrabench.dataset.EncodedSplit;
import io.github.lrabench.dataset.EncodedSplits;
import io.github.lrabench.dataset.PixelEncoder;
import io.github.lrabench.dataset.PixelEncoding;
import io.github.lrabench.dataset.SplitCaps;
import io.github.lrabench.dataset.SplitSpec;
import io.github.lrabench.dataset.Splitter;
import io.github.lrabench.dataset.SyntheticCifar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trial data from CIFAR-10 (or generated CIFAR-like images), encoded and split as the trial's protocol and
 * profile say. Decoded images and each protocol's encoded splits are shared by the trials of one suite.
 */
final class CifarTrialData implements TrialDataSource {

    private final RunnerContext context;
    private final Optional<Path> dataPath;
    private final DataSettings settings;
    private final Map<String, CifarData> decoded = new HashMap<>();
    private final Map<String, TrialData> encoded = new HashMap<>();

    CifarTrialData(RunnerContext context, Optional<Path> dataPath) {
        this.context = context;
        this.dataPath = dataPath;
        this.settings = DataSettings.fromConfig(context.config());
    }

    @Override
    public TrialData load(TrialSpec trial) {
        String key = trial.protocol() + "|" + trial.profile();
        TrialData cached = encoded.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> problems = new ArrayList<>();
        DataBlock data = read(trial, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        CifarData images = decoded.computeIfAbsent(data.source() + "|" + trial.profile(), k -> decode(data));
        SplitSpec split = settings.split(data.encoding()).withCaps(data.caps());
        DataSplits splits = Splitter.split(images, split);
        PixelEncoder encoder = PixelEncoder.forProtocol(settings, data.encoding());
        EncodedSplits encodedSplits = encoder.encode(splits);
        TaskSpec task = context.task(trial.protocol());
        TrialData result = new TrialData(sequences(task, encodedSplits.train()),
                sequences(task, encodedSplits.validation()), sequences(task, encodedSplits.test()),
                // the encoding's description names a permutation's seed: it lands in result.json (provenance.data)
                images.origin() + "; " + encoder.spec().describe() + " encoding; split " + split,
                images.classNames());
        encoded.put(key, result);
        return result;
    }

    /** Reads the trial's data block as {@link #load} does, without loading anything; every problem is listed. */
    @Override
    public List<String> problems(TrialSpec trial) {
        List<String> problems = new ArrayList<>();
        read(trial, problems);
        return problems;
    }

    /**
     * A trial's data block, read and checked.
     *
     * @param source {@code synthetic} or {@code cifar10}
     * @param encoding the pixel encoding
     * @param caps the split caps
     * @param syntheticTrain generated training images (synthetic source only)
     * @param syntheticTest generated test images (synthetic source only)
     */
    private record DataBlock(String source, PixelEncoding encoding, SplitCaps caps, int syntheticTrain,
            int syntheticTest) {}

    /** Reads the trial's data block, adding one sentence naming the key to {@code problems} for each bad value. */
    private DataBlock read(TrialSpec trial, List<String> problems) {
        Config data = new TrialSettingsResolver(context.config()).block("data", trial);
        String path = "data (lra.protocols." + trial.protocol() + ".data, lra.profiles." + trial.profile() + "...)";
        String source = value(problems, path + ".source", () -> data.getString("source"));
        int syntheticTrain = 0;
        int syntheticTest = 0;
        if ("synthetic".equals(source)) {
            syntheticTrain = orZero(value(problems, path + ".synthetic-train",
                    () -> atLeastOne(data.getInt("synthetic-train"))));
            syntheticTest = orZero(value(problems, path + ".synthetic-test",
                    () -> atLeastOne(data.getInt("synthetic-test"))));
        } else if (source != null && !"cifar10".equals(source)) {
            problems.add(path + ".source must be synthetic or cifar10 but was '" + source + "'");
        }
        PixelEncoding encoding = value(problems, path + ".encoding",
                () -> PixelEncoding.fromId(data.getString("encoding")));
        SplitCaps caps = caps(data, path + ".caps", problems);
        return new DataBlock(source, encoding, caps, syntheticTrain, syntheticTest);
    }

    /** Evaluates one key; a bad value is recorded with the key's path and gives null. */
    private static <T> T value(List<String> problems, String key, Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException | IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    private static int atLeastOne(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("must be >= 1 but was " + count);
        }
        return count;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private CifarData decode(DataBlock data) {
        if ("synthetic".equals(data.source())) {
            return SyntheticCifar.generate(data.syntheticTrain(), data.syntheticTest(), 0);
        }
        try {
            return new CifarLoader(settings).load(dataPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load CIFAR-10: " + e.getMessage(), e);
        }
    }

    /** Reads {@code caps}: each split's cap is null (the whole split) or at least 1. */
    private static SplitCaps caps(Config data, String path, List<String> problems) {
        Config caps = value(problems, path, () -> data.getConfig("caps"));
        if (caps == null) {
            return null;
        }
        Integer train = value(problems, path + ".train", () -> cap(caps, "train"));
        Integer validation = value(problems, path + ".validation", () -> cap(caps, "validation"));
        Integer test = value(problems, path + ".test", () -> cap(caps, "test"));
        return train == null || validation == null || test == null ? null : new SplitCaps(train, validation, test);
    }

    private static int cap(Config caps, String key) {
        if (caps.getIsNull(key)) {
            return Integer.MAX_VALUE;
        }
        int cap = caps.getInt(key);
        if (cap < 1) {
            throw new IllegalArgumentException("must be >= 1 or null (the whole split) but was " + cap);
        }
        return cap;
    }

    private static LabeledSequences sequences(TaskSpec task, EncodedSplit split) {
        return new LabeledSequences(task, split.tokens(), split.features(), split.labels());
    }
}
