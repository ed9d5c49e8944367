package io.github.lrabench.models.attention;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Exact scaled dot-product attention: {@code softmax(Q·Kᵀ/√dh + maskBias)·V}, with dropout on the attention
 * weights while training. Quadratic in L: the weights {@code (B, H, L, L)} are kept for the backward pass.
 */
public final class SoftmaxAttention extends AttentionKernel {

    private static final byte VERSION = 1;

    private final float attentionDropout;

    /**
     * Creates the kernel.
     *
     * @param attentionDropout the dropout rate on the attention weights, in {@code [0, 1)}
     */
    public SoftmaxAttention(float attentionDropout) {
        super(VERSION);
        if (!(attentionDropout >= 0 && attentionDropout < 1)) {
            throw new IllegalArgumentException("attention dropout must lie in [0, 1) but was " + attentionDropout);
        }
        this.attentionDropout = attentionDropout;
    }

    /**
     * Returns the attention weights {@code softmax(Q·Kᵀ/√dh + maskBias)}; a masked key gets weight 0.
     *
     * @param q queries {@code (B, H, L, dh)}
     * @param k keys {@code (B, H, L, dh)}
     * @param mask the key mask {@code (B, L)} of 1 and 0, or null for none
     * @return weights {@code (B, H, L, L)}, each row summing to 1
     */
    public NDArray attentionWeights(NDArray q, NDArray k, NDArray mask) {
        long headSize = q.getShape().get(3);
        NDArray logits = BatchOps.scale(q, (float) (1.0 / Math.sqrt(headSize))).matMul(k.swapAxes(2, 3));
        if (mask != null) {
            logits = logits.add(keyMaskBias(mask));
        }
        return logits.softmax(-1);
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray attend(
            ParameterStore store, NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
        NDArray weights = BatchOps.dropout(attentionWeights(q, k, mask), attentionDropout, training);
        return weights.matMul(v);
    }
}
