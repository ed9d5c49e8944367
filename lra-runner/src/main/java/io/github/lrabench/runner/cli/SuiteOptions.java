package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.ResultFiles;
import io.github.lrabench.runner.RunResult;
import io.github.lrabench.runner.TrainingSchedule;
import io.github.lrabench.runner.TrialSpec;
import com.typesafe.config.Config;
import io.github.lrabench.runner.SuiteRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** Options shared by {@code lra bench} and {@code lra train}. */
public final class SuiteOptions {

    @Option(names = "--protocol", paramLabel = "NAME", description = "lra-image, scifar or pscifar (permuted scifar); several with commas (key lra.protocol)")
    String protocol;

    @Option(names = "--profile", paramLabel = "NAME", description = "smoke, quick, cpu, long or paper (key lra.profile)")
    String profile;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per model (key lra.seeds)")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "first seed (key lra.seed)")
    Integer seed;

    @picocli.CommandLine.Mixin
    DataOption data;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (key lra.out)")
    Path out;

    @Option(names = "--list-trials", description = "print the suite's trials (model × seed × protocol) and exit")
    boolean listTrials;

    @Option(names = "--trial", paramLabel = "K", description = "run only trial K of the suite (fan-out over machines)")
    Integer trial;

    @Option(names = "--fresh", description = "train the requested trials again from step 0: their folders in the"
            + " output folder (results and checkpoints) are deleted first")
    boolean fresh;

    @Option(names = "--replay", paramLabel = "RESULT.json", description = "rerun the trial a result.json records"
            + " (its model, protocol, profile and seed) with exactly its schedule: its steps, eval-every and"
            + " warmup-steps (for a schedule re-planned at its first evaluation, its final numbers from step 0),"
            + " no calibration")
    Path replay;

    private RunResult replayed() {
        RunResult result = new ResultFiles().read(replay);
        if (result.schedule() == null) {
            throw new IllegalArgumentException("--replay " + replay + ": the result records no schedule (written"
                    + " before schedules were recorded); set training.steps, eval-every and warmup-steps instead");
        }
        return result;
    }

    /** Returns these options as configuration overrides on top of the common ones. */
    Map<String, Object> overrides(Map<String, Object> common) {
        Map<String, Object> overrides = new LinkedHashMap<>(common);
        if (protocol != null) {
            overrides.put("lra.protocol", protocol);
        }
        if (profile != null) {
            overrides.put("lra.profile", profile);
        }
        if (seeds != null) {
            overrides.put("lra.seeds", seeds);
        }
        if (seed != null) {
            overrides.put("lra.seed", seed);
        }
        if (out != null) {
            overrides.put("lra.out", out.toString());
        }
        if (replay != null) {
            RunResult result = replayed();
            TrialSpec t = result.trial();
            TrainingSchedule schedule = result.schedule();
            String training = "lra.profiles." + t.profile() + ".models." + t.model() + ".training.";
            overrides.put("lra.protocol", t.protocol());
            overrides.put("lra.profile", t.profile());
            overrides.put("lra.seed", t.seed());
            overrides.put("lra.seeds", 1);
            overrides.put(training + "schedule", "steps");
            overrides.put(training + "steps", schedule.steps());
            overrides.put(training + "eval-every", schedule.evalEvery());
            overrides.put(training + "warmup-steps", schedule.warmupSteps());
        }
        return overrides;
    }

    /** Builds the request from the resolved configuration. */
    SuiteRequest request(Config config, List<String> models) {
        if (replay != null) {
            String model = replayed().trial().model();
            if (!models.isEmpty() && !models.equals(List.of(model))) {
                throw new IllegalArgumentException("--replay " + replay + " reruns model " + model
                        + "; --models " + String.join(",", models) + " asks for others");
            }
            models = List.of(model);
        }
        List<String> protocols = Arrays.stream(config.getString("lra.protocol").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new SuiteRequest(protocols, config.getString("lra.profile"), models, config.getInt("lra.seed"),
                config.getInt("lra.seeds"), Path.of(config.getString("lra.out")),
                trial == null ? OptionalInt.empty() : OptionalInt.of(trial), fresh);
    }
}
