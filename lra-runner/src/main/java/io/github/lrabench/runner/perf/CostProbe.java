package io.github.lrabench.runner.perf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Measures an engine's {@link EngineCosts}: memory bandwidth from {@code a + b} over two arrays of {@code n} floats
 * ({@code 12n} bytes moved), and the per-op cost from a chain of {@code n} products {@code z·w} of one-element
 * arrays recorded by autograd and run backward: {@code 2n} ops (each forward op and its backward node), as in a
 * training step, whose ops are all recorded.
 */
final class CostProbe {

    private CostProbe() {}

    /**
     * Runs the probe.
     *
     * @param engine the engine name
     * @param bandwidthMebibytes the size of each array of the bandwidth sum, MiB
     * @param dispatchOps ops per timed run of the dispatch loop
     * @param warmup untimed runs of each measurement
     * @param repeats timed runs of each measurement
     * @return the costs; {@code failed} with the reason when the engine cannot run them
     */
    static EngineCosts measure(String engine, int bandwidthMebibytes, int dispatchOps, int warmup, int repeats) {
        try {
            Engine djl = Engine.getEngine(engine);
            long floats = (long) bandwidthMebibytes * 1024 * 1024 / Float.BYTES;
            double[] gigabytesPerSecond = new double[repeats];
            double[] micros = new double[repeats];
            try (NDManager manager = djl.newBaseManager()) {
                NDArray a = manager.randomUniform(-1f, 1f, new Shape(floats));
                NDArray b = manager.randomUniform(-1f, 1f, new Shape(floats));
                for (int i = 0; i < warmup + repeats; i++) {
                    EngineHooks.synchronize(engine);
                    long start = System.nanoTime();
                    NDArray c = a.add(b);
                    EngineHooks.synchronize(engine);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    c.close();
                    if (i >= warmup) {
                        gigabytesPerSecond[i - warmup] = 3.0 * floats * Float.BYTES / seconds / 1e9;
                    }
                }
                NDArray weight = manager.ones(new Shape(1));
                weight.setRequiresGradient(true);
                for (int i = 0; i < warmup + repeats; i++) {
                    try (NDManager run = manager.newSubManager()) {
                        EngineHooks.synchronize(engine);
                        long start = System.nanoTime();
                        try (GradientCollector collector = djl.newGradientCollector()) {
                            NDArray chain = run.ones(new Shape(1));
                            for (int op = 0; op < dispatchOps; op++) {
                                chain = chain.mul(weight);
                            }
                            collector.backward(chain);
                        }
                        EngineHooks.synchronize(engine);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (i >= warmup) {
                            micros[i - warmup] = seconds / (2.0 * dispatchOps) * 1e6;
                        }
                    }
                }
            }
            return new EngineCosts(engine, Stats.of(gigabytesPerSecond), Stats.of(micros), PerfStatus.OK, "");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return new EngineCosts(engine, null, null, PerfStatus.FAILED, String.valueOf(e));
        }
    }
}
