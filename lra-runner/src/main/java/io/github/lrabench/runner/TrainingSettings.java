package io.github.lrabench.runner;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The optimiser, schedule and loop settings of one trial, read from a {@code training} block (see {@link
 * TrialSettingsResolver} for how protocol, profile and model layers stack).
 *
 * @param optimizer {@code adam} or {@code adamw}
 * @param learningRate peak learning rate after warmup
 * @param finalLearningRate the value the cosine reaches at the last step
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's epsilon
 * @param weightDecay weight decay (decoupled for adamw)
 * @param warmupSteps linear warmup steps
 * @param steps total optimiser steps
 * @param batchSize training batch size
 * @param evalBatchSize batch size for validation and test
 * @param evalEvery evaluate on validation every this many steps
 * @param clipGradients whether global-norm gradient clipping is on
 * @param clipNorm the maximum global L2 norm of all gradients
 * @param budgetMinutes budget of one trial, in minutes of {@code budgetClock}
 * @param budgetClock the clock the budget is counted on: wall-clock or the process's CPU time
 * @param schedule how {@code steps}, {@code eval-every} and {@code warmup-steps} are fixed: as configured, or
 *     sized from the budget after a calibration at the start of the trial
 * @param evaluations with a {@link ScheduleMode#BUDGET budget} schedule: how many validation passes the schedule
 *     holds ({@code eval-every} is derived from it)
 * @param warmupFraction with a budget schedule: warmup as a fraction of the derived steps
 * @param maxEpochs with a budget schedule: an upper bound on the epochs trained (cheap models stop early), or
 *     empty for none
 * @param calibration with a budget schedule: how the step and evaluation costs are measured
 * @param microBatchSize train each batch in slices of this many sequences whose gradients add up (0: the whole
 *     batch at once)
 */
public record TrainingSettings(String optimizer, double learningRate, double finalLearningRate, double beta1,
        double beta2, double epsilon, double weightDecay, int warmupSteps, int steps, int batchSize,
        int evalBatchSize, int evalEvery, boolean clipGradients, double clipNorm, double budgetMinutes,
        BudgetClock budgetClock, ScheduleMode schedule, int evaluations, double warmupFraction, OptionalDouble maxEpochs,
        CalibrationSettings calibration, int microBatchSize) {

    /** How a trial's schedule (steps, evaluation cadence, warmup) is fixed. */
    public enum ScheduleMode {
        /** {@code steps}, {@code eval-every} and {@code warmup-steps} as configured (the published protocols). */
        STEPS,
        /** Sized from the wall-clock budget and the speed measured at the start of the trial. */
        BUDGET;

        static ScheduleMode parse(String value, String key, List<String> problems) {
            for (ScheduleMode mode : values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            problems.add(key + " must be budget or steps but was " + value);
            return STEPS;
        }
    }

    /**
     * How a budget schedule measures the machine's speed before it fixes the steps. Both phases are bounded by
     * steps and by time, so that a fast model is timed long enough to average out the machine's noise and a slow
     * one does not spend its budget being timed.
     *
     * @param warmupSteps training steps run first and not timed (allocator, lazy initialisation, JIT)...
     * @param warmupSeconds ... and for at least this long
     * @param steps training steps timed, at least...
     * @param minSeconds ... and for at least this long...
     * @param maxSeconds ... but no longer than this once {@code minSeconds} have passed (at least one step is timed);
     *     timing windows repeat until two agree within 10% or this much time has passed
     * @param evalSamples validation sequences of the timed evaluation pass (the full pass is extrapolated)
     */
    public record CalibrationSettings(int warmupSteps, double warmupSeconds, int steps, double minSeconds,
            double maxSeconds, int evalSamples) {}

    /**
     * Reads and validates a {@code training} block; every problem is reported together.
     *
     * @param training the block
     * @param path the block's path, used in messages
     * @return the settings
     * @throws IllegalArgumentException naming each bad key
     */
    public static TrainingSettings from(Config training, String path) {
        List<String> problems = new ArrayList<>();
        ScheduleMode mode = ScheduleMode.parse(training.getString("schedule"), path + ".schedule", problems);
        TrainingSettings settings = new TrainingSettings(
                training.getString("optimizer").toLowerCase(Locale.ROOT),
                training.getDouble("learning-rate"),
                training.getDouble("final-learning-rate"),
                training.getDouble("beta1"),
                training.getDouble("beta2"),
                training.getDouble("epsilon"),
                training.getDouble("weight-decay"),
                training.getInt("warmup-steps"),
                training.getInt("steps"),
                training.getInt("batch-size"),
                training.getInt("eval-batch-size"),
                training.getInt("eval-every"),
                training.getBoolean("gradient-clipping.enabled"),
                training.getDouble("gradient-clipping.max-norm"),
                training.getDouble("budget-minutes"),
                BudgetClock.parse(training.getString("budget-clock"), path + ".budget-clock", problems),
                mode,
                training.getInt("evaluations"),
                training.getDouble("warmup-fraction"),
                training.getIsNull("max-epochs") ? OptionalDouble.empty()
                        : OptionalDouble.of(training.getDouble("max-epochs")),
                new CalibrationSettings(training.getInt("calibration.warmup-steps"),
                        training.getDouble("calibration.warmup-seconds"), training.getInt("calibration.steps"),
                        training.getDouble("calibration.min-seconds"), training.getDouble("calibration.max-seconds"),
                        training.getInt("calibration.eval-samples")),
                training.getInt("micro-batch-size"));
        if (!List.of("adam", "adamw").contains(settings.optimizer)) {
            problems.add(path + ".optimizer must be adam or adamw but was " + settings.optimizer);
        }
        positive(problems, path + ".learning-rate", settings.learningRate);
        if (settings.finalLearningRate < 0 || settings.finalLearningRate > settings.learningRate) {
            problems.add(path + ".final-learning-rate must lie in [0, learning-rate] but was "
                    + settings.finalLearningRate);
        }
        if (settings.warmupSteps < 0) {
            problems.add(path + ".warmup-steps must be >= 0 but was " + settings.warmupSteps);
        }
        positive(problems, path + ".steps", settings.steps);
        positive(problems, path + ".batch-size", settings.batchSize);
        positive(problems, path + ".eval-batch-size", settings.evalBatchSize);
        positive(problems, path + ".eval-every", settings.evalEvery);
        positive(problems, path + ".gradient-clipping.max-norm", settings.clipNorm);
        positive(problems, path + ".budget-minutes", settings.budgetMinutes);
        positive(problems, path + ".evaluations", settings.evaluations);
        if (settings.microBatchSize < 0) {
            problems.add(path + ".micro-batch-size must be >= 0 (0: the whole batch) but was "
                    + settings.microBatchSize);
        }
        if (settings.warmupFraction < 0 || settings.warmupFraction >= 1) {
            problems.add(path + ".warmup-fraction must lie in [0, 1) but was " + settings.warmupFraction);
        }
        settings.maxEpochs.ifPresent(epochs -> positive(problems, path + ".max-epochs", epochs));
        if (settings.calibration.warmupSteps() < 0) {
            problems.add(path + ".calibration.warmup-steps must be >= 0 but was "
                    + settings.calibration.warmupSteps());
        }
        positive(problems, path + ".calibration.steps", settings.calibration.steps());
        if (settings.calibration.warmupSeconds() < 0 || settings.calibration.minSeconds() < 0) {
            problems.add(path + ".calibration.warmup-seconds and min-seconds must be >= 0 but were "
                    + settings.calibration.warmupSeconds() + " and " + settings.calibration.minSeconds());
        }
        if (settings.calibration.maxSeconds() < settings.calibration.minSeconds()) {
            problems.add(path + ".calibration.max-seconds must be >= min-seconds (" + settings.calibration.minSeconds()
                    + ") but was " + settings.calibration.maxSeconds());
        }
        positive(problems, path + ".calibration.eval-samples", settings.calibration.evalSamples());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return settings;
    }

    private static void positive(List<String> problems, String key, double value) {
        if (!(value > 0)) {
            problems.add(key + " must be > 0 but was " + value);
        }
    }
}
