package io.github.lrabench.runner.perf;

import java.util.List;

/**
 * The ops of one training step.
 *
 * @param forward ops dispatched by the forward pass and the loss, or null when the engine does not expose a count
 * @param backward ops (autograd nodes) run by the backward pass, or null
 * @param update ops of the optimizer update, or null
 * @param total forward + backward + update, or null
 * @param forwardArrays NDArrays that the forward pass and the loss left in the step's manager (every engine): a
 *     lower bound on the forward ops DJL dispatched, as each op creates at least one array
 * @param method how the op counts were made, or why there are none ({@code not exposed ...})
 * @param profiledMilliseconds the summed duration of every top-level op of the profiled step (profiler overhead
 *     included), or null without a profiler
 * @param hottest the ops that took longest in that step, longest first; empty without a profiler
 * @param bytesPerStep the bytes the step's kernels read and wrote (fp32 inputs plus allocated outputs, views
 *     excluded), an estimate from the profiler's recorded shapes; null without a profiler
 */
public record OpCounts(Long forward, Long backward, Long update, Long total, Integer forwardArrays, String method,
        Double profiledMilliseconds, List<OpTime> hottest, Long bytesPerStep) {

    /** Copies the hottest ops. */
    public OpCounts {
        hottest = List.copyOf(hottest);
    }

    /**
     * Creates counts without op times, adding up the total.
     *
     * @param forward forward ops, or null
     * @param backward backward ops, or null
     * @param update update ops, or null
     * @param forwardArrays arrays left by the forward pass, or null
     * @param method how they were counted
     * @return the counts
     */
    public static OpCounts of(Long forward, Long backward, Long update, Integer forwardArrays, String method) {
        Long total = forward == null || backward == null || update == null ? null : forward + backward + update;
        return new OpCounts(forward, backward, update, total, forwardArrays, method, null, List.of(), null);
    }

    /**
     * Returns these counts with the op times of the profiled step.
     *
     * @param step the forward, backward and update tallies added together
     * @param limit how many of the hottest ops to keep
     * @return the counts with {@link #profiledMilliseconds()}, {@link #hottest()} and {@link #bytesPerStep()}
     */
    OpCounts withTimes(OpTally step, int limit) {
        return new OpCounts(forward, backward, update, total, forwardArrays, method, step.milliseconds(),
                step.hottest(limit), step.bytes());
    }
}
