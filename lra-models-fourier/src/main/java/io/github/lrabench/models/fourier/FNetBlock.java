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
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole FNet classifier in the LRA skeleton: {@link InputEmbedding} (tokens or continuous pixels, optional CLS
 * vector, learned positions) → LN → dropout → post-LN FNet encoder layers → pooling (CLS or mean) → Dense → ReLU
 * → Dense(classes).
 *
 * <p>Maps {@code NDList(x)} to {@code NDList(logits)} with logits {@code (B, classes)}; a wrong input shape gives
 * an {@link IllegalArgumentException} naming the expected shape (from {@link InputEmbedding}).
 */
final class FNetBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final FNetConfig config;
    private final InputEmbedding embedding;
    private final LayerNormalization embeddingNorm;
    private final FourierMixing mixing;
    private final List<FNetEncoderLayer> layers = new ArrayList<>();
    private final Linear headHidden;
    private final Linear headOut;

    /**
     * Creates the block.
     *
     * @param task the task it classifies
     * @param config the validated configuration
     */
    FNetBlock(TaskSpec task, FNetConfig config) {
        super(VERSION);
        this.task = task;
        this.config = config;
        float epsilon = (float) config.layerNormEpsilon();
        embedding = addChildBlock("embedding", InputEmbedding.builder()
                .setTask(task)
                .setEmbeddingSize(config.hiddenSize())
                .optClsToken(config.clsToken())
                .build());
        embeddingNorm = addChildBlock("embeddingNorm", new LayerNormalization(config.hiddenSize(), epsilon));
        mixing = addChildBlock("mixing",
                new FourierMixing(config.mixing(), embedding.outputLength(), config.hiddenSize()));
        for (int i = 0; i < config.numLayers(); i++) {
            layers.add(addChildBlock("layer" + i, new FNetEncoderLayer(mixing, config.hiddenSize(),
                    config.ffnSize(), (float) config.dropout(), epsilon)));
        }
        headHidden = addChildBlock("headHidden", Linear.builder().setUnits(config.headSize()).build());
        headOut = addChildBlock("headOut", Linear.builder().setUnits(task.numClasses()).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = embedding.forward(store, inputs, training, params).head();
        h = embeddingNorm.forward(store, new NDList(h), training, params).head();
        h = BatchOps.dropout(h, (float) config.dropout(), training);
        for (FNetEncoderLayer layer : layers) {
            h = layer.forward(store, new NDList(h), training, params).head();
        }
        NDArray pooled = config.pooling() == Pooling.CLS ? h.get(":, 0, :") : h.mean(new int[] {1});
        NDArray z = Activation.relu(headHidden.forward(store, new NDList(pooled), training, params).head());
        return headOut.forward(store, new NDList(z), training, params);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        embedding.initialize(manager, dataType, input);
        Shape sequence = embedding.getOutputShapes(new Shape[] {input})[0];
        embeddingNorm.initialize(manager, dataType, sequence);
        mixing.initialize(manager, dataType, sequence);
        for (FNetEncoderLayer layer : layers) {
            layer.initialize(manager, dataType, sequence);
        }
        Shape pooled = new Shape(sequence.get(0), config.hiddenSize());
        headHidden.initialize(manager, dataType, pooled);
        headOut.initialize(manager, dataType, headHidden.getOutputShapes(new Shape[] {pooled})[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }
}
