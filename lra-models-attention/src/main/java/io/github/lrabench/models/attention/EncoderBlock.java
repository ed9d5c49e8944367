package io.github.lrabench.models.attention;

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
 * One pre-LN transformer encoder block (ViT, LRA, Nyströmformer):
 *
 * <pre>
 * x ← x + Dropout(MHA(LN(x), mask))
 * x ← x + Dropout(W₂·Dropout(GELU(W₁·LN(x) + b₁)) + b₂)
 * </pre>
 *
 * <p>Input {@code NDList(x)} or {@code NDList(x, mask)}, x {@code (B, L, d)}; output {@code (B, L, d)}. GELU is
 * the exact (erf) form.
 */
public final class EncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNormalization attentionNorm;
    private final MultiHeadAttention attention;
    private final LayerNormalization mlpNorm;
    private final Linear mlpIn;
    private final Linear mlpOut;

    /**
     * Creates the block.
     *
     * @param settings the shared encoder settings (d, heads, qkv size, MLP size, dropout, epsilon, biases)
     * @param kernel the attention kernel of this block
     */
    public EncoderBlock(EncoderSettings settings, AttentionKernel kernel) {
        super(VERSION);
        int d = settings.embeddingSize();
        this.dropout = settings.dropout();
        attentionNorm = addChildBlock("attentionNorm", new LayerNormalization(d, settings.layerNormEpsilon()));
        attention = addChildBlock("attention", new MultiHeadAttention(
                d, settings.numHeads(), settings.headSize(), settings.attentionBias(), kernel));
        mlpNorm = addChildBlock("mlpNorm", new LayerNormalization(d, settings.layerNormEpsilon()));
        mlpIn = addChildBlock("mlpIn", Linear.builder().setUnits(settings.mlpSize()).build());
        mlpOut = addChildBlock("mlpOut", Linear.builder().setUnits(d).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray normed = attentionNorm.forward(store, new NDList(x), training).head();
        NDList attentionInputs = inputs.size() > 1 ? new NDList(normed, inputs.get(1)) : new NDList(normed);
        NDArray mixed = attention.forward(store, attentionInputs, training).head();
        x = x.add(BatchOps.dropout(mixed, dropout, training));
        NDArray h = mlpNorm.forward(store, new NDList(x), training).head();
        h = Activation.gelu(mlpIn.forward(store, new NDList(h), training).head());
        h = BatchOps.dropout(h, dropout, training);
        h = BatchOps.dropout(mlpOut.forward(store, new NDList(h), training).head(), dropout, training);
        return new NDList(x.add(h));
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x);
        mlpNorm.initialize(manager, dataType, x);
        mlpIn.initialize(manager, dataType, x);
        mlpOut.initialize(manager, dataType, mlpIn.getOutputShapes(new Shape[] {x})[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
