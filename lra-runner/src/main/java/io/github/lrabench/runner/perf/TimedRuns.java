package io.github.lrabench.runner.perf;

import java.util.function.DoubleSupplier;

/** Runs a measurement a number of times untimed, then timed, and keeps the timed durations. */
final class TimedRuns {

    private TimedRuns() {}

    /**
     * Runs the measurement {@code warmup + repeats} times.
     *
     * @param warmup runs whose durations are dropped
     * @param repeats runs whose durations are kept
     * @param run one run, returning its own duration in seconds (so that its set-up can stay off the clock)
     * @return the durations of the timed runs, in order
     */
    static double[] seconds(int warmup, int repeats, DoubleSupplier run) {
        double[] seconds = new double[repeats];
        for (int i = 0; i < warmup + repeats; i++) {
            double t = run.getAsDouble();
            if (i >= warmup) {
                seconds[i - warmup] = t;
            }
        }
        return seconds;
    }

    /**
     * Times work with the engine's queue drained before and after it ({@link EngineHooks#synchronize}).
     *
     * @param engine the engine name
     * @param device the device the work runs on
     * @param work the work
     * @return its duration in seconds
     */
    static double synchronizedSeconds(String engine, ai.djl.Device device, Runnable work) {
        EngineHooks.synchronize(engine, device);
        long start = System.nanoTime();
        work.run();
        EngineHooks.synchronize(engine, device);
        return (System.nanoTime() - start) / 1e9;
    }
}
