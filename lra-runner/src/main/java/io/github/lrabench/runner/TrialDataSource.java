package io.github.lrabench.runner;

/** Supplies the encoded splits a trial trains and is scored on. */
public interface TrialDataSource {

    /**
     * Returns the data of a trial; implementations may share one load between trials of the same protocol.
     *
     * @param trial the trial
     * @return its data
     */
    TrialData load(TrialSpec trial);

    /**
     * Checks the settings {@link #load} would read for a trial, without loading or generating anything, so that a
     * suite can report the problems of every trial before the first one trains.
     *
     * @param trial the trial
     * @return one sentence per problem, naming the key; empty when none is found (the default: nothing to check)
     */
    default java.util.List<String> problems(TrialSpec trial) {
        return java.util.List.of();
    }
}
