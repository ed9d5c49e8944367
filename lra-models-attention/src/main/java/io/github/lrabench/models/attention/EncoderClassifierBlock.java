package io.github.lrabench.models.attention;

import io.github.lrabench.api.LayerNormalization;
import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole attention classifier: {@link InputEmbedding} (one token per pixel, learned positions, a CLS vector for
 * CLS pooling) → dropout → {@code num-layers} pre-LN {@link EncoderBlock}s → final layer norm → {@link
 * ClassifierHead}.
 *
 * <p>With {@code mask-zero-tokens}, token 0 is padding (LRA's quirk: a pure-black pixel): masked keys get zero
 * attention weight and masked positions are zeroed before mean pooling; the CLS vector is never masked.
 *
 * <p>With CLS pooling and {@code attention-path = auto}, the last layer computes the CLS row alone ({@link
 * EncoderSettings#clsOnly(int)}): the final norm and the head read only that row, so the logits and every gradient
 * are those of the full computation.
 */
public final class EncoderClassifierBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final EncoderSettings settings;
    private final InputEmbedding embedding;
    private final List<EncoderBlock> layers = new ArrayList<>();
    private final LayerNormalization finalNorm;
    private final ClassifierHead head;

    /**
     * Creates the model.
     *
     * @param task the task
     * @param settings the encoder settings
     * @param kernelSpec the attention kernel of every layer
     */
    public EncoderClassifierBlock(TaskSpec task, EncoderSettings settings, AttentionKernelSpec kernelSpec) {
        super(VERSION);
        this.task = task;
        this.settings = settings;
        embedding = addChildBlock("embedding", InputEmbedding.builder()
                .setTask(task)
                .setEmbeddingSize(settings.embeddingSize())
                .optClsToken(settings.pooling().usesClsToken())
                .optTokenInitStd(settings.init().tokenStd())
                .optPositionInitStd(settings.init().positionStd())
                .optClsInitStd(settings.init().clsStd())
                .build());
        for (int i = 0; i < settings.numLayers(); i++) {
            layers.add(addChildBlock("layer" + i,
                    new EncoderBlock(settings, kernelSpec.newKernel(settings.numHeads(), settings.headSize()),
                            settings.clsOnly(i))));
        }
        finalNorm = addChildBlock("finalNorm",
                new LayerNormalization(settings.embeddingSize(), settings.layerNormEpsilon()));
        head = addChildBlock("head",
                new ClassifierHead(settings.pooling(), settings.headHiddenSize(), task.numClasses(),
                        settings.init().head(), settings.embeddingSize()));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        InputEmbedding.checkInputShape(task, x.getShape());
        NDArray mask = settings.maskZeroTokens() ? tokenMask(x) : null;
        NDArray h = embedding.forward(store, new NDList(x), training).head();
        h = BatchOps.dropout(h, settings.dropout(), training);
        for (EncoderBlock layer : layers) {
            h = layer.forward(store, mask == null ? new NDList(h) : new NDList(h, mask), training).head();
        }
        h = finalNorm.forward(store, new NDList(h), training).head();
        return head.forward(store, mask == null ? new NDList(h) : new NDList(h, mask), training);
    }

    /**
     * Returns the encoder blocks, first to last.
     *
     * @return an unmodifiable view
     */
    public List<EncoderBlock> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Returns {@code (B, L')}: 1 where the token is not 0, and 1 for the CLS position when there is one. */
    private NDArray tokenMask(NDArray tokens) {
        NDArray mask = tokens.neq(0).toType(DataType.FLOAT32, false);
        if (embedding.hasClsToken()) {
            NDArray cls = tokens.getManager().ones(new Shape(tokens.getShape().get(0), 1), DataType.FLOAT32,
                    tokens.getDevice());
            mask = cls.concat(mask, 1);
        }
        return mask;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape encoded = embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        for (EncoderBlock layer : layers) {
            layer.initialize(manager, dataType, encoded);
            encoded = layer.getOutputShapes(new Shape[] {encoded})[0];
        }
        finalNorm.initialize(manager, dataType, encoded);
        head.initialize(manager, dataType, encoded);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }
}
