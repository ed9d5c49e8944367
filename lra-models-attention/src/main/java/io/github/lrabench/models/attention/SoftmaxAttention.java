package io.github.lrabench.models.attention;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.stream.LongStream;

/**
 * Exact scaled dot-product attention: {@code softmax(Q·Kᵀ/√dh + maskBias)·V}, with dropout on the attention
 * weights while training. Quadratic in L: the weights {@code (B, H, L, L)} are kept for the backward pass.
 *
 * <p>With a slice size {@code s > 0} the {@code B·H} score matrices are computed {@code s} at a time (the
 * "sliced attention" of diffusers' {@code attention_slice}): the same arithmetic and the same result, but each
 * slice's {@code (s, L, L)} scores, weights and their gradients are small enough to stay in the CPU's cache between
 * the matmul, the softmax and the second matmul, instead of streaming {@code B·H·L²} floats through memory at every
 * step. Slice size 0 computes all of them at once, one op each, which suits a GPU.
 *
 * <p>The queries may be fewer rows than the keys ({@link #acceptsQuerySubset()}): {@code (B, H, R, dh)} queries
 * against {@code (B, H, L, dh)} keys and values give the {@code R} rows of the full output, in {@code O(R·L)}.
 */
public final class SoftmaxAttention extends AttentionKernel {

    private static final byte VERSION = 1;

    private final float attentionDropout;
    private final int sliceSize;

    /**
     * Creates the kernel.
     *
     * @param attentionDropout the dropout rate on the attention weights, in {@code [0, 1)}
     * @param sliceSize how many of the {@code B·H} score matrices to compute at once; 0 for all of them
     */
    public SoftmaxAttention(float attentionDropout, int sliceSize) {
        super(VERSION);
        if (!(attentionDropout >= 0 && attentionDropout < 1)) {
            throw new IllegalArgumentException("attention dropout must lie in [0, 1) but was " + attentionDropout);
        }
        if (sliceSize < 0) {
            throw new IllegalArgumentException("attention slice size must be >= 0 (0: no slicing) but was "
                    + sliceSize);
        }
        this.attentionDropout = attentionDropout;
        this.sliceSize = sliceSize;
    }

    /** Returns true: each output row depends only on its own query (and all keys and values). */
    @Override
    public boolean acceptsQuerySubset() {
        return true;
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
        return weights(scaleQueries(q), k, mask == null ? null : keyMaskBias(mask));
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray attend(
            ParameterStore store, NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
        long batch = q.getShape().get(0);
        long heads = q.getShape().get(1);
        NDArray bias = mask == null ? null : keyMaskBias(mask);
        if (sliceSize == 0 || sliceSize >= batch * heads) {
            return attendAll(scaleQueries(q), k, v, bias, training);
        }
        return attendInSlices(q, k, v, bias, training);
    }

    private NDArray attendInSlices(NDArray q, NDArray k, NDArray v, NDArray bias, boolean training) {
        long batch = q.getShape().get(0);
        long heads = q.getShape().get(1);
        long queries = q.getShape().get(2);
        long length = k.getShape().get(2);
        long matrices = batch * heads;
        long[] sliceStarts = LongStream.iterate(sliceSize, start -> start < matrices, start -> start + sliceSize)
                .toArray();
        // one split per array (a single backward node that concatenates the slices' gradients), not one indexing
        // op per slice, whose backward would write a zero-filled full-size gradient for every slice
        NDList qs = scaleQueries(q).reshape(matrices, queries, -1).split(sliceStarts, 0);
        NDList ks = k.reshape(matrices, length, -1).split(sliceStarts, 0);
        NDList vs = v.reshape(matrices, length, -1).split(sliceStarts, 0);
        NDList biases = bias == null ? null
                : bias.broadcast(batch, heads, 1, length).reshape(matrices, 1, length).split(sliceStarts, 0);
        NDList outputs = new NDList();
        for (int i = 0; i < qs.size(); i++) {
            outputs.add(attendAll(qs.get(i), ks.get(i), vs.get(i), biases == null ? null : biases.get(i), training));
        }
        return NDArrays.concat(outputs, 0).reshape(q.getShape());
    }

    /** Attention over arrays whose last two axes are (tokens, features); the leading axes are independent. */
    private NDArray attendAll(NDArray scaledQ, NDArray k, NDArray v, NDArray bias, boolean training) {
        NDArray weights = BatchOps.dropout(weights(scaledQ, k, bias), attentionDropout, training);
        return weights.matMul(v);
    }

    private static NDArray weights(NDArray scaledQ, NDArray k, NDArray bias) {
        int rank = k.getShape().dimension();
        NDArray logits = scaledQ.matMul(k.swapAxes(rank - 2, rank - 1));
        if (bias != null) {
            logits = logits.add(bias);
        }
        return logits.softmax(-1);
    }

    private static NDArray scaleQueries(NDArray q) {
        long headSize = q.getShape().get(q.getShape().dimension() - 1);
        return BatchOps.scale(q, (float) (1.0 / Math.sqrt(headSize)));
    }
}
