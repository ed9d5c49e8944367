package io.github.lrabench.runner.perf;

/**
 * The practical limit of one engine: an {@code n×n} by {@code n×n} fp32 matrix product, {@code 2n³} FLOPs.
 *
 * @param engine the engine name
 * @param engineVersion the engine's native library version, or empty when it could not be loaded
 * @param size n
 * @param gflops GFLOP/s over the timed repeats; null when the measurement failed
 * @param status {@code ok} or {@code failed}
 * @param reason why it failed; empty when fine
 */
public record MatmulResult(String engine, String engineVersion, int size, Stats gflops, String status,
        String reason) {

    /** Returns whether the measurement succeeded. */
    public boolean ok() {
        return PerfStatus.OK.equals(status);
    }
}
