package io.github.lrabench.runner;

/** Hears what a trial is doing, e.g. to draw a progress bar. Every method has an empty default. */
public interface TrialListener {

    /**
     * A trial starts or resumes.
     *
     * @param trial the trial
     * @param fromStep the step it starts from (0, or the resumed step)
     * @param totalSteps the planned steps
     */
    default void started(TrialSpec trial, int fromStep, int totalSteps) {}

    /**
     * A training step finished.
     *
     * @param step steps completed
     * @param loss the step's loss
     * @param accuracy the step's training-batch accuracy, in [0, 1]
     * @param samplesPerSecond training throughput so far
     */
    default void stepped(int step, double loss, double accuracy, double samplesPerSecond) {}

    /**
     * A validation evaluation finished.
     *
     * @param point the evaluation
     */
    default void evaluated(EvalPoint point) {}

    /**
     * A trial finished (completed or failed).
     *
     * @param result its result
     */
    default void finished(RunResult result) {}

    /**
     * Something about a trial the user should know, e.g. an unreadable result file that is redone.
     *
     * @param trial the trial
     * @param message what happened
     */
    default void warning(TrialSpec trial, String message) {}

    /**
     * A trial is not run because its folder already holds its result, written under the same configuration.
     *
     * @param trial the trial
     * @param result the result found
     * @param trialDir its folder
     */
    default void kept(TrialSpec trial, RunResult result, java.nio.file.Path trialDir) {}

    /** A listener that ignores everything. */
    TrialListener NONE = new TrialListener() {};
}
