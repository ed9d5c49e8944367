package io.github.lrabench.runner;

import java.util.List;
import java.util.OptionalDouble;

/** Reads accuracy at equal wall-clock off evaluation curves, a view that is fair to slow models. */
public final class WallClockView {

    private WallClockView() {}

    /**
     * Returns the best validation accuracy a trial had reached within a time.
     *
     * @param result the trial
     * @param seconds the wall-clock limit
     * @return the accuracy, or empty when no evaluation had happened by then or the trial ran for less than that
     *     time (a shorter run says nothing about what it would reach later)
     */
    public static OptionalDouble validationAt(RunResult result, double seconds) {
        if (result.wallSeconds() < seconds) {
            return OptionalDouble.empty();
        }
        return result.curve().stream()
                .filter(p -> p.elapsedSeconds() <= seconds)
                .mapToDouble(EvalPoint::validationAccuracy)
                .max();
    }

    /**
     * Returns the mean over trials of {@link #validationAt}, counting only trials that had evaluated by then.
     *
     * @param results the trials (seeds of one model)
     * @param seconds the wall-clock limit
     * @return the mean accuracy, or null when none had evaluated
     */
    public static Double meanValidationAt(List<RunResult> results, double seconds) {
        OptionalDouble mean = results.stream()
                .map(r -> validationAt(r, seconds))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
