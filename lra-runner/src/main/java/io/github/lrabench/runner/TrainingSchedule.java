package io.github.lrabench.runner;

/**
 * The schedule a trial trains under: how many steps, how often it is scored on validation, how long the warmup
 * is, and where those numbers came from. Recorded in {@code result.json} and in every checkpoint, so that a resume
 * continues the same schedule and {@code --replay} reruns it on any machine.
 *
 * @param origin {@code configured} (the training block's own numbers), {@code calibrated} (sized from the
 *     budget at the start of the trial) or {@code replayed}
 * @param steps optimiser steps planned
 * @param evalEvery validation every this many steps (and at the last step)
 * @param warmupSteps linear warmup steps
 * @param calibration the measurements a calibrated schedule was sized from, or null
 */
public record TrainingSchedule(String origin, int steps, int evalEvery, int warmupSteps, Calibration calibration) {

    /** {@link #origin} of a schedule taken from the training block as written. */
    public static final String CONFIGURED = "configured";

    /** {@link #origin} of a schedule sized from the budget and the measured speed. */
    public static final String CALIBRATED = "calibrated";

    /**
     * Returns the schedule a training block states explicitly.
     *
     * @param settings the training settings
     * @return the schedule
     */
    public static TrainingSchedule configured(TrainingSettings settings) {
        return new TrainingSchedule(CONFIGURED, settings.steps(), settings.evalEvery(), settings.warmupSteps(), null);
    }

    /**
     * What a budget schedule's calibration measured and what it concluded, in seconds of this machine.
     *
     * @param stepSeconds mean wall time of one training step (forward, backward, clipping, update)
     * @param evalSeconds estimated wall time of one full validation pass with its checkpoint
     * @param calibrationSeconds wall time the calibration itself took (it counts against the budget)
     * @param timedSteps training steps timed
     * @param timedEvalSamples validation sequences timed
     * @param budgetSeconds the budget the schedule was sized for
     * @param availableSeconds the part of the budget left for training and evaluation after the calibration
     * @param epochCap the step cap from {@code max-epochs}, or null when uncapped
     * @param clock the clock every time here was measured on ({@link BudgetClock} name, e.g. {@code cpu}); null in
     *     results written before the clock was recorded, which all used the wall clock
     */
    public record Calibration(double stepSeconds, double evalSeconds, double calibrationSeconds, int timedSteps,
            int timedEvalSamples, double budgetSeconds, double availableSeconds, Integer epochCap, String clock) {}
}
