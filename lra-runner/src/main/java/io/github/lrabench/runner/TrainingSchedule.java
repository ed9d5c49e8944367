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
 * @param replan where a calibrated schedule was re-sized at its first evaluation from the cost its own steps had
 *     measured, or null when it was not (a configured schedule, a step cost within 10% of the calibration's, or a
 *     result written before re-planning existed)
 */
public record TrainingSchedule(String origin, int steps, int evalEvery, int warmupSteps, Calibration calibration,
        Replan replan) {

    /**
     * A one-time re-sizing of a calibrated schedule at its first evaluation: the calibration's few seconds of steps
     * can be cheaper or dearer than the steps that follow (the machine's load changed, caches warmed, the JIT
     * settled), so the first evaluation's measured cost replaces them once. The learning-rate schedule's horizon
     * moves with the steps (the rate changes by a few percent at that step; the warmup, already over, stays).
     *
     * @param atStep the step of the first evaluation, where the schedule was re-sized
     * @param stepSeconds the mean cost of the steps trained so far, on the budget's clock
     * @param evalSeconds the cost of the first validation pass, on the budget's clock
     * @param previousSteps the steps planned by the calibration
     * @param previousEvalEvery the evaluation cadence planned by the calibration
     */
    public record Replan(int atStep, double stepSeconds, double evalSeconds, int previousSteps,
            int previousEvalEvery) {}

    /**
     * Returns whether the loop evaluates after this step: every {@link #evalEvery} steps (counted from the re-plan's
     * step once re-planned) and at the last step.
     *
     * @param step the steps completed
     * @return whether to evaluate
     */
    public boolean evaluatesAt(int step) {
        int from = replan == null ? 0 : replan.atStep();
        return step == steps || (step > from && (step - from) % evalEvery == 0);
    }

    /**
     * Returns this schedule with other steps and cadence after a re-plan.
     *
     * @param newSteps the steps now planned
     * @param newEvalEvery the evaluation cadence now planned
     * @param how what was measured
     * @return the re-sized schedule
     */
    public TrainingSchedule replanned(int newSteps, int newEvalEvery, Replan how) {
        return new TrainingSchedule(origin, newSteps, newEvalEvery, warmupSteps, calibration, how);
    }

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
        return new TrainingSchedule(CONFIGURED, settings.steps(), settings.evalEvery(), settings.warmupSteps(), null,
                null);
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
