package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The part of multi-head attention that mixes tokens: per-head queries, keys and values {@code (B, H, L, dh)} in,
 * per-head outputs {@code (B, H, L, dh)} out. Its input is {@code NDList(q, k, v)} or {@code NDList(q, k, v,
 * mask)} with a key mask {@code (B, L)} of 1 (kept) and 0 (masked).
 *
 * <p>A kernel that {@link #acceptsQuerySubset() accepts a subset of the queries} takes queries {@code (B, H, R,
 * dh)} for any {@code R} rows against keys and values {@code (B, H, L, dh)} and returns {@code (B, H, R, dh)}: the
 * rows of the full output that belong to those queries.
 */
public abstract class AttentionKernel extends AbstractBlock {

    /** The amount subtracted from the logit of a masked key, as in the reference codes (10⁹). */
    protected static final float MASK_PENALTY = 1e9f;

    /**
     * Creates a kernel.
     *
     * @param version the serialisation version of the subclass
     */
    protected AttentionKernel(byte version) {
        super(version);
    }

    /**
     * Returns whether each output row depends on its own query row alone (plus all keys and values), so that the
     * kernel may be given only the query rows whose outputs are needed. False by default: e.g. Nyström landmarks
     * average over all queries.
     *
     * @return whether {@code attend} accepts fewer query rows than key rows
     */
    public boolean acceptsQuerySubset() {
        return false;
    }

    /**
     * Computes the per-head outputs.
     *
     * @param store the parameter store
     * @param q queries {@code (B, H, L, dh)}, or {@code (B, H, R, dh)} when {@link #acceptsQuerySubset()}
     * @param k keys {@code (B, H, L, dh)}
     * @param v values {@code (B, H, L, dh)}
     * @param mask the key mask {@code (B, L)} of 1 and 0, or null for none
     * @param training whether this is a training pass
     * @return outputs with the queries' shape
     */
    protected abstract NDArray attend(
            ParameterStore store, NDArray q, NDArray k, NDArray v, NDArray mask, boolean training);

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 3 && inputs.size() != 4) {
            throw new IllegalArgumentException(
                    "an attention kernel takes (q, k, v) or (q, k, v, mask), not " + inputs.size() + " arrays");
        }
        NDArray mask = inputs.size() == 4 ? inputs.get(3) : null;
        return new NDList(attend(store, inputs.get(0), inputs.get(1), inputs.get(2), mask, training));
    }

    /**
     * Returns the additive logit bias of a key mask, broadcastable against logits {@code (B, H, rows, L)}.
     *
     * @param mask the key mask {@code (B, L)} of 1 and 0
     * @return {@code (B, 1, 1, L)}: 0 for kept keys, {@code -MASK_PENALTY} for masked ones
     */
    protected static NDArray keyMaskBias(NDArray mask) {
        Shape shape = mask.getShape();
        return mask.sub(1f).mul(MASK_PENALTY).reshape(shape.get(0), 1, 1, shape.get(1));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
