package io.github.lrabench.models.attention;

import io.github.lrabench.api.LayerNormalization;
import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
 *
 * <p>Built CLS-only (the last layer under CLS pooling), it returns {@code (B, 1, d)}, the first row of the full
 * output: the layer norm before attention and the keys and values see every position, but the query, the
 * attention row, the residuals, the second layer norm and the MLP only the first one.
 */
public final class EncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNormalization attentionNorm;
    private final MultiHeadAttention attention;
    private final LayerNormalization mlpNorm;
    private final Linear mlpIn;
    private final Linear mlpOut;
    private final boolean clsOnly;

    /**
     * Creates the block, which computes every row.
     *
     * @param settings the shared encoder settings (d, heads, qkv size, MLP size, dropout, epsilon, biases)
     * @param kernel the attention kernel of this block
     */
    public EncoderBlock(EncoderSettings settings, AttentionKernel kernel) {
        this(settings, kernel, false);
    }

    /**
     * Creates the block.
     *
     * @param settings the shared encoder settings (d, heads, qkv size, MLP size, dropout, epsilon, biases)
     * @param kernel the attention kernel of this block
     * @param clsOnly whether only the first (CLS) row of the output is computed
     */
    public EncoderBlock(EncoderSettings settings, AttentionKernel kernel, boolean clsOnly) {
        super(VERSION);
        this.clsOnly = clsOnly;
        int d = settings.embeddingSize();
        this.dropout = settings.dropout();
        attentionNorm = addChildBlock("attentionNorm", new LayerNormalization(d, settings.layerNormEpsilon()));
        attention = addChildBlock("attention", new MultiHeadAttention(
                d, settings.numHeads(), settings.headSize(), settings.attentionBias(), kernel, clsOnly));
        attention.initLinears(settings.init().linear());
        mlpNorm = addChildBlock("mlpNorm", new LayerNormalization(d, settings.layerNormEpsilon()));
        LinearInit init = settings.init().linear();
        mlpIn = addChildBlock("mlpIn", init.apply(Linear.builder().setUnits(settings.mlpSize()).build(), d));
        mlpOut = addChildBlock("mlpOut", init.apply(Linear.builder().setUnits(d).build(), settings.mlpSize()));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray normed = attentionNorm.forward(store, new NDList(x), training).head();
        NDList attentionInputs = inputs.size() > 1 ? new NDList(normed, inputs.get(1)) : new NDList(normed);
        NDArray mixed = attention.forward(store, attentionInputs, training).head();
        if (clsOnly) {
            x = x.get(new NDIndex(":, 0:1, :"));
        }
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
        Shape rows = getOutputShapes(new Shape[] {x})[0];
        mlpNorm.initialize(manager, dataType, rows);
        mlpIn.initialize(manager, dataType, rows);
        mlpOut.initialize(manager, dataType, mlpIn.getOutputShapes(new Shape[] {rows})[0]);
    }

    /** Returns whether this block computes only the first (CLS) row of its output. */
    public boolean isClsOnly() {
        return clsOnly;
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {clsOnly ? new Shape(x.get(0), 1, x.get(2)) : x};
    }
}
