package io.github.lrabench.models.fourier;

import io.github.lrabench.api.LayerNormalization;
import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-LN FNet encoder layer on {@code (B, L, d)}:
 *
 * <pre>
 * X ← LN(X + Re(F_L X F_d))
 * X ← LN(X + Dropout(W₂ · GELU(W₁ X + b₁) + b₂))
 * </pre>
 *
 * <p>The Fourier mixing block is shared by all layers and owned (initialised, saved) by the model block; this
 * layer only calls it.
 */
final class FNetEncoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final FourierMixing mixing;
    private final float dropout;
    private final LayerNormalization mixingNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;
    private final LayerNormalization ffnNorm;

    /**
     * Creates the layer.
     *
     * @param mixing the shared Fourier mixing
     * @param hidden d
     * @param ffn the feed-forward inner width
     * @param dropout the dropout rate on the feed-forward output (training only)
     * @param epsilon the layer-norm epsilon
     */
    FNetEncoderLayer(FourierMixing mixing, int hidden, int ffn, float dropout, float epsilon) {
        super(VERSION);
        this.mixing = mixing;
        this.dropout = dropout;
        mixingNorm = addChildBlock("mixingNorm", new LayerNormalization(hidden, epsilon));
        ffnIn = addChildBlock("ffnIn", Linear.builder().setUnits(ffn).build());
        ffnOut = addChildBlock("ffnOut", Linear.builder().setUnits(hidden).build());
        ffnNorm = addChildBlock("ffnNorm", new LayerNormalization(hidden, epsilon));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray mixed = mixing.forward(store, new NDList(x), training, params).head();
        x = mixingNorm.forward(store, new NDList(x.add(mixed)), training, params).head();
        NDArray inner = Activation.gelu(ffnIn.forward(store, new NDList(x), training, params).head());
        NDArray out = ffnOut.forward(store, new NDList(inner), training, params).head();
        out = BatchOps.dropout(out, dropout, training);
        return ffnNorm.forward(store, new NDList(x.add(out)), training, params);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        mixingNorm.initialize(manager, dataType, shape);
        ffnIn.initialize(manager, dataType, shape);
        ffnOut.initialize(manager, dataType, ffnIn.getOutputShapes(new Shape[] {shape})[0]);
        ffnNorm.initialize(manager, dataType, shape);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
