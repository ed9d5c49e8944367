package io.github.lrabench.runner.perf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Measures an engine's practical fp32 limit: the GFLOP/s of an {@code n×n} by {@code n×n} matrix product ({@code
 * 2n³} FLOPs), the operation dense layers and attention reduce to, median over the timed repeats.
 */
final class MatmulProbe {

    private MatmulProbe() {}

    /**
     * Runs the probe.
     *
     * @param engine the engine name
     * @param device the device the arrays are placed on ({@code lra.device})
     * @param size n
     * @param warmup untimed products
     * @param repeats timed products
     * @return the result; {@code failed} with the reason when the engine cannot run it
     */
    static MatmulResult measure(String engine, ai.djl.Device device, int size, int warmup, int repeats) {
        String version = "";
        try {
            Engine djl = Engine.getEngine(engine);
            version = djl.getVersion();
            double flops = 2.0 * size * size * size;
            double[] gflops;
            try (NDManager manager = djl.newBaseManager(device)) {
                Shape shape = new Shape(size, size);
                NDArray a = manager.randomUniform(-1f, 1f, shape);
                NDArray b = manager.randomUniform(-1f, 1f, shape);
                gflops = TimedRuns.seconds(warmup, repeats,
                        () -> TimedRuns.synchronizedSeconds(engine, device, () -> a.matMul(b).close()));
            }
            for (int i = 0; i < gflops.length; i++) {
                gflops[i] = flops / gflops[i] / 1e9;
            }
            return new MatmulResult(engine, version, size, Stats.of(gflops), PerfStatus.OK, "");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return new MatmulResult(engine, version, size, null, PerfStatus.FAILED, String.valueOf(e));
        }
    }
}
