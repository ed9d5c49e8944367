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
}
