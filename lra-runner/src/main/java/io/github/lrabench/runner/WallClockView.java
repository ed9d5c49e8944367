package io.github.lrabench.runner;

import java.util.List;
import java.util.Optional;

/**
 * Reads accuracy at equal time off evaluation curves, a view that is fair to slow models. Time is each trial's
 * budget clock ({@link EvalPoint#clockSeconds()}: the process's CPU time under {@code budget-clock = cpu}, else the
 * wall clock).
 */
public final class WallClockView {

    private WallClockView() {}

    /**
     * A validation accuracy read at a time.
     *
     * @param accuracy the best validation accuracy reached within the time (a mean, for several trials)
     * @param finishedEarlier whether a trial behind it had finished its whole schedule before the time, so that
     *     its figure is its final best rather than a reading taken at that time
     * @param trials how many trials the figure averages (1 for one trial's reading)
     */
    public record Reading(double accuracy, boolean finishedEarlier, int trials) {}

    /**
     * Returns the best validation accuracy a trial had reached within a time.
     *
     * @param result the trial
     * @param seconds the limit on the budget clock
     * @return the reading; empty when no evaluation had happened by then, or when the trial stopped before that
     *     time without finishing its schedule (a budget-cut run says nothing about what it would reach later)
     */
    public static Optional<Reading> validationAt(RunResult result, double seconds) {
        boolean ranShorter = result.budgetClockSeconds() < seconds;
        boolean finishedSchedule = !result.stoppedByBudget() && result.stepsCompleted() >= result.stepsPlanned();
        if (ranShorter && !finishedSchedule) {
            return Optional.empty();
        }
        return result.curve().stream()
                .filter(p -> p.clockSeconds() <= seconds)
                .mapToDouble(EvalPoint::validationAccuracy)
                .max()
                .stream()
                .mapToObj(accuracy -> new Reading(accuracy, ranShorter, 1))
                .findFirst();
    }

    /**
     * Returns the mean over trials of {@link #validationAt}, counting only trials with a reading.
     *
     * @param results the trials (seeds of one model)
     * @param seconds the limit on the budget clock
     * @return the mean reading (finished earlier when any trial in it was; its trial count may be below the number
     *     of trials given), or empty when no trial has one
     */
    public static Optional<Reading> meanValidationAt(List<RunResult> results, double seconds) {
        List<Reading> readings = results.stream()
                .map(r -> validationAt(r, seconds))
                .flatMap(Optional::stream)
                .toList();
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(readings.stream().mapToDouble(Reading::accuracy).average().orElseThrow(),
                readings.stream().anyMatch(Reading::finishedEarlier), readings.size()));
    }
}
