package io.github.lrabench.runner;

/**
 * Sizes a budget schedule: the steps that, at the measured cost of a step and of a validation pass, fill the
 * budget left after the calibration with training and the configured number of evaluations.
 *
 * <p>With {@code E} evaluations, step cost {@code s}, evaluation cost {@code e} and {@code A} seconds left:
 * {@code steps = floor((A - E e) / s)}, capped by {@code max-epochs}; {@code eval-every = ceil(steps / E)};
 * {@code warmup = round(warmup-fraction * steps)}.
 */
public final class SchedulePlanner {

    private SchedulePlanner() {}

    /**
     * Plans the schedule.
     *
     * @param settings the training settings (budget, evaluations, warmup fraction, epoch cap)
     * @param trainSize training sequences (for the epoch cap)
     * @param stepSeconds measured seconds per training step
     * @param evalSeconds estimated seconds per validation pass (with its checkpoint)
     * @param elapsedSeconds seconds of the budget already spent (the calibration)
     * @param timedSteps training steps the calibration timed
     * @param timedEvalSamples validation sequences the calibration timed
     * @return the schedule
     * @throws IllegalArgumentException when the budget cannot hold one step and one evaluation, with the numbers
     */
    public static TrainingSchedule plan(TrainingSettings settings, int trainSize, double stepSeconds,
            double evalSeconds, double elapsedSeconds, int timedSteps, int timedEvalSamples) {
        double budgetSeconds = settings.budgetMinutes() * 60;
        double available = budgetSeconds - elapsedSeconds;
        int evaluations = settings.evaluations();
        long fit = (long) Math.floor((available - evaluations * evalSeconds) / stepSeconds);
        if (fit < evaluations) {
            // too little time for the configured evaluations: fewer, but at least one at the end
            evaluations = (int) Math.max(1, Math.min(evaluations,
                    Math.floor(available / (evalSeconds + stepSeconds))));
            fit = (long) Math.floor((available - evaluations * evalSeconds) / stepSeconds);
        }
        if (fit < 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the %.1f-minute budget leaves %.0f s after the calibration, too little for one training step"
                            + " (%.2f s) and one validation pass (%.1f s): raise training.budget-minutes",
                    settings.budgetMinutes(), available, stepSeconds, evalSeconds));
        }
        Integer epochCap = null;
        if (settings.maxEpochs().isPresent()) {
            long perEpoch = Math.max(1, trainSize / settings.batchSize());
            epochCap = (int) Math.max(1, Math.ceil(settings.maxEpochs().getAsDouble() * perEpoch));
            fit = Math.min(fit, epochCap);
        }
        int steps = (int) Math.min(Integer.MAX_VALUE, fit);
        int evalEvery = (int) Math.ceil((double) steps / Math.min(evaluations, steps));
        int warmup = (int) Math.round(settings.warmupFraction() * steps);
        return new TrainingSchedule(TrainingSchedule.CALIBRATED, steps, evalEvery, warmup,
                new TrainingSchedule.Calibration(stepSeconds, evalSeconds, elapsedSeconds, timedSteps,
                        timedEvalSamples, budgetSeconds, available, epochCap,
                        settings.budgetClock().name().toLowerCase(java.util.Locale.ROOT)), null);
    }

    /**
     * Re-sizes a calibrated schedule at its first evaluation when the steps trained so far cost more than 10% more
     * or less than the calibration measured: the budget left is filled with steps at the measured cost and the
     * remaining evaluations at the measured validation cost, capped by max-epochs as before, and the remaining
     * evaluations spread evenly from this step on; the warmup (already over) stays. Only once per trial, and never at the schedule's last step.
     *
     * @param schedule the schedule so far
     * @param settings the training settings
     * @param step the step of the first evaluation
     * @param stepSeconds the mean cost of the steps trained so far, on the budget's clock
     * @param evalSeconds the cost of the first validation pass, on the budget's clock
     * @param spentSeconds the budget's clock spent so far (calibration included)
     * @return the re-sized schedule, or empty when the calibration's cost holds, the schedule is not calibrated or
     *     was re-planned already, or this is its last step
     */
    static java.util.Optional<TrainingSchedule> replan(TrainingSchedule schedule, TrainingSettings settings, int step,
            double stepSeconds, double evalSeconds, double spentSeconds) {
        TrainingSchedule.Calibration c = schedule.calibration();
        if (c == null || schedule.replan() != null || step <= 0 || step >= schedule.steps()
                || Math.abs(stepSeconds - c.stepSeconds()) <= 0.1 * c.stepSeconds()) {
            return java.util.Optional.empty();
        }
        int evaluationsLeft = Math.max(1, settings.evaluations() - 1);
        double left = settings.budgetMinutes() * 60 - spentSeconds - evaluationsLeft * evalSeconds;
        long steps = step + Math.max(evaluationsLeft, (long) Math.floor(left / stepSeconds));
        if (c.epochCap() != null) {
            steps = Math.min(steps, c.epochCap());
        }
        if (steps <= step) {
            return java.util.Optional.empty();
        }
        int newSteps = (int) Math.min(Integer.MAX_VALUE, steps);
        int newEvalEvery = Math.max(1, (int) Math.ceil((double) (newSteps - step) / evaluationsLeft));
        return java.util.Optional.of(schedule.replanned(newSteps, newEvalEvery,
                new TrainingSchedule.Replan(step, stepSeconds, evalSeconds, schedule.steps(), schedule.evalEvery())));
    }
}
