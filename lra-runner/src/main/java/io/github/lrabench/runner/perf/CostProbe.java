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
     * @param device the device the arrays are placed on ({@code lra.device})
     * @param bandwidthMebibytes the size of each array of the bandwidth sum, MiB
     * @param dispatchOps ops per timed run of the dispatch loop
     * @param warmup untimed runs of each measurement
     * @param repeats timed runs of each measurement
     * @return the costs; {@code failed} with the reason when the engine cannot run them
     */
    static EngineCosts measure(String engine, ai.djl.Device device, int bandwidthMebibytes, int dispatchOps, int warmup, int repeats) {
        try {
            Engine djl = Engine.getEngine(engine);
            long floats = (long) bandwidthMebibytes * 1024 * 1024 / Float.BYTES;
            double[] gigabytesPerSecond;
            double[] micros;
            try (NDManager manager = djl.newBaseManager(device)) {
                NDArray a = manager.randomUniform(-1f, 1f, new Shape(floats));
                NDArray b = manager.randomUniform(-1f, 1f, new Shape(floats));
                gigabytesPerSecond = TimedRuns.seconds(warmup, repeats,
                        () -> TimedRuns.synchronizedSeconds(engine, device, () -> a.add(b).close()));
                NDArray weight = manager.ones(new Shape(1));
                weight.setRequiresGradient(true);
                micros = TimedRuns.seconds(warmup, repeats, () -> {
                    try (NDManager run = manager.newSubManager()) {
                        return TimedRuns.synchronizedSeconds(engine, device, () -> {
                            try (GradientCollector collector = djl.newGradientCollector()) {
                                NDArray chain = run.ones(new Shape(1));
                                for (int op = 0; op < dispatchOps; op++) {
                                    chain = chain.mul(weight);
                                }
                                collector.backward(chain);
                            }
                        });
                    }
                });
            }
            for (int i = 0; i < repeats; i++) {
                gigabytesPerSecond[i] = 3.0 * floats * Float.BYTES / gigabytesPerSecond[i] / 1e9;
                micros[i] = micros[i] / (2.0 * dispatchOps) * 1e6;
            }
            return new EngineCosts(engine, Stats.of(gigabytesPerSecond), Stats.of(micros), PerfStatus.OK, "");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return new EngineCosts(engine, null, null, PerfStatus.FAILED, String.valueOf(e));
        }
    }
}
