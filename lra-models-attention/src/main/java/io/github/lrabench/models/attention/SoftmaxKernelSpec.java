package io.github.lrabench.models.attention;

import com.typesafe.config.Config;

/**
 * Exact softmax attention ({@link SoftmaxAttention}).
 *
 * @param attentionDropout the dropout rate on the attention weights ({@code attention-dropout})
 * @param sliceSize how many of the {@code B·H} score matrices are computed at once, 0 for all ({@code
 *     attention-slice-size})
 */
public record SoftmaxKernelSpec(float attentionDropout, int sliceSize) implements AttentionKernelSpec {

    /** {@inheritDoc} */
    @Override
    public AttentionKernel newKernel(int numHeads, int headSize) {
        return new SoftmaxAttention(attentionDropout, sliceSize);
    }

    /** Returns {@code 4·L²·H·dh}: the logits {@code Q·Kᵀ} and the product with V, each {@code 2·L²·dh} per head. */
    @Override
    public long forwardFlops(long length, long numHeads, long headSize) {
        return 4L * length * length * numHeads * headSize;
    }

    /** Returns true: each output row depends only on its own query. */
    @Override
    public boolean acceptsQuerySubset() {
        return true;
    }

    /** Returns {@code 4·R·L·H·dh}: the R rows of the logits and of their product with V. */
    @Override
    public long forwardFlops(long queryRows, long length, long numHeads, long headSize) {
        return 4L * queryRows * length * numHeads * headSize;
    }

    /**
     * Reads {@code attention-dropout} and {@code attention-slice-size}.
     *
     * @param config the provider's block
     * @param problems where problems are recorded
     * @return the spec
     */
    static SoftmaxKernelSpec read(Config config, ConfigProblems problems) {
        return new SoftmaxKernelSpec(problems.rate(config, "attention-dropout"),
                problems.intAtLeast(config, "attention-slice-size", 0));
    }
}
