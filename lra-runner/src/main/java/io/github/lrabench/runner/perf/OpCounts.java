package io.github.lrabench.runner.perf;

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
 */
public record OpCounts(Long forward, Long backward, Long update, Long total, Integer forwardArrays, String method) {

    /**
     * Creates the counts, adding up the total.
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
        return new OpCounts(forward, backward, update, total, forwardArrays, method);
    }
}
