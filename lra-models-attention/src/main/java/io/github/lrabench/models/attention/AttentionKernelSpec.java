package io.github.lrabench.models.attention;

/**
 * Describes an attention kernel: builds one per layer and counts its FLOPs. A kernel maps per-head queries, keys
 * and values {@code (B, H, L, dh)} to per-head outputs of the same shape.
 */
public interface AttentionKernelSpec {

    /**
     * Builds a new kernel for one layer.
     *
     * @param numHeads H
     * @param headSize dh
     * @return a new, uninitialised kernel
     */
    AttentionKernel newKernel(int numHeads, int headSize);

    /**
     * Returns the forward FLOPs of the kernel for one sequence (a multiply-add counts 2), over all heads.
     *
     * @param length L, the number of tokens
     * @param numHeads H
     * @param headSize dh
     * @return the FLOPs
     */
    long forwardFlops(long length, long numHeads, long headSize);

    /**
     * Returns whether the kernel's output rows depend each on its own query alone, so that a CLS-only layer may
     * give it the CLS query alone (see {@link AttentionKernel#acceptsQuerySubset()}). False by default.
     *
     * @return whether the kernel accepts a subset of the queries
     */
    default boolean acceptsQuerySubset() {
        return false;
    }

    /**
     * Returns the forward FLOPs of the kernel for one sequence when only {@code queryRows} output rows are asked
     * for. By default the kernel computes every row anyway ({@link #forwardFlops(long, long, long)}).
     *
     * @param queryRows the rows asked for
     * @param length L, the number of keys and values
     * @param numHeads H
     * @param headSize dh
     * @return the FLOPs
     */
    default long forwardFlops(long queryRows, long length, long numHeads, long headSize) {
        return forwardFlops(length, numHeads, headSize);
    }
}
