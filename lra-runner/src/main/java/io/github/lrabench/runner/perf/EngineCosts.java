package io.github.lrabench.runner.perf;

/**
 * An engine's cost of moving memory and of dispatching one op, the two limits besides matmul that bound a training
 * step.
 *
 * @param engine the engine name
 * @param bandwidthGigabytesPerSecond bytes read and written per second by an element-wise sum of two large fp32
 *     arrays (two reads and one write per element), in GB/s; null when not measured
 * @param dispatchMicroseconds time of one element-wise op on one-element arrays under autograd (forward op and
 *     backward node counted as two ops), the fixed cost every op of a training step pays through DJL, in µs; null
 *     when not measured
 * @param status {@code ok} or {@code failed} ({@link PerfStatus})
 * @param reason why it failed; empty when ok
 */
public record EngineCosts(String engine, Stats bandwidthGigabytesPerSecond, Stats dispatchMicroseconds,
        String status, String reason) {

    /** Returns whether both costs were measured. */
    public boolean ok() {
        return PerfStatus.OK.equals(status);
    }
}
