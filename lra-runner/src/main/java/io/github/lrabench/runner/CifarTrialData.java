package io.github.lrabench.runner;

import com.typesafe.config.Config;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        Config data = new TrialSettingsResolver(context.config()).block("data", trial);
        String source = data.getString("source");
        String key = trial.protocol() + "|" + trial.profile();
        TrialData cached = encoded.get(key);
        if (cached != null) {
            return cached;
        }
        CifarData images = decoded.computeIfAbsent(source + "|" + trial.profile(), k -> decode(source, data));
        PixelEncoding encoding = PixelEncoding.fromId(data.getString("encoding"));
        SplitSpec split = settings.split(encoding).withCaps(caps(data.getConfig("caps")));
        DataSplits splits = Splitter.split(images, split);
        PixelEncoder encoder = PixelEncoder.forProtocol(settings, encoding);
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

    private CifarData decode(String source, Config data) {
        switch (source) {
            case "synthetic":
                return SyntheticCifar.generate(data.getInt("synthetic-train"), data.getInt("synthetic-test"), 0);
            case "cifar10":
                try {
                    return new CifarLoader(settings).load(dataPath);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load CIFAR-10: " + e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException(
                        "data.source must be synthetic or cifar10 but was '" + source + "'");
        }
    }

    private static SplitCaps caps(Config caps) {
        return new SplitCaps(cap(caps, "train"), cap(caps, "validation"), cap(caps, "test"));
    }

    private static int cap(Config caps, String key) {
        return caps.getIsNull(key) ? Integer.MAX_VALUE : caps.getInt(key);
    }

    private static LabeledSequences sequences(TaskSpec task, EncodedSplit split) {
        return new LabeledSequences(task, split.tokens(), split.features(), split.labels());
    }
}
