package io.github.lrabench.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to run: the suite's protocols, profile, models and seeds, where its output goes, and optionally one trial.
 *
 * @param protocols the protocols, e.g. {@code [lra-image]}
 * @param profile the profile, e.g. {@code quick}
 * @param models the model ids; empty for every provider that runs on the selected engine
 * @param firstSeed the first seed
 * @param seeds seeds per model
 * @param outputDir the suite's output folder
 * @param trial run only this trial index (fan-out), or empty for all
 * @param fresh delete the requested trials' folders (results and checkpoints) and train them again, instead of
 *     keeping finished trials and resuming unfinished ones
 */
public record SuiteRequest(List<String> protocols, String profile, List<String> models, int firstSeed, int seeds,
        Path outputDir, OptionalInt trial, boolean fresh) {

    /**
     * A request that keeps finished trials and resumes unfinished ones.
     *
     * @param protocols the protocols
     * @param profile the profile
     * @param models the model ids; empty for every provider
     * @param firstSeed the first seed
     * @param seeds seeds per model
     * @param outputDir the suite's output folder
     * @param trial run only this trial index, or empty for all
     */
    public SuiteRequest(List<String> protocols, String profile, List<String> models, int firstSeed, int seeds,
            Path outputDir, OptionalInt trial) {
        this(protocols, profile, models, firstSeed, seeds, outputDir, trial, false);
    }

    /** Copies the lists. */
    public SuiteRequest {
        protocols = List.copyOf(protocols);
        models = List.copyOf(models);
    }

    /** Returns the single-trial index as an Optional of Integer, for messages. */
    public Optional<Integer> trialIndex() {
        return trial.isPresent() ? Optional.of(trial.getAsInt()) : Optional.empty();
    }
}
