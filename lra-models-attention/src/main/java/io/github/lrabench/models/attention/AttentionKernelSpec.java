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
}
