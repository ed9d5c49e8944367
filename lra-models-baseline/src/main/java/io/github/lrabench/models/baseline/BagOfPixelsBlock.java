package io.github.lrabench.models.baseline;

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

/**
 * {@link InputEmbedding} without position embeddings → mean over positions → Dense → ReLU → Dense(classes). The
 * mean of per-step embeddings is the same for every ordering of the steps: the model sees which values occur, not
 * where.
 */
final class BagOfPixelsBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final InputEmbedding embedding;
    private final Linear hidden;
    private final Linear out;

    /**
     * Creates the block.
     *
     * @param task the task it classifies
     * @param config the validated configuration
     */
    BagOfPixelsBlock(TaskSpec task, BagOfPixelsConfig config) {
        super(VERSION);
        this.task = task;
        embedding = addChildBlock("embedding", InputEmbedding.builder()
                .setTask(task)
                .setEmbeddingSize(config.embeddingSize())
                .optPositionEmbeddings(false)
                .build());
        hidden = addChildBlock("hidden", Linear.builder().setUnits(config.hiddenSize()).build());
        out = addChildBlock("out", Linear.builder().setUnits(task.numClasses()).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = embedding.forward(store, inputs, training, params).head();
        NDArray pooled = h.mean(new int[] {1});
        NDArray z = Activation.relu(hidden.forward(store, new NDList(pooled), training, params).head());
        return out.forward(store, new NDList(z), training, params);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        InputEmbedding.checkInputShape(task, input);
        embedding.initialize(manager, dataType, input);
        long batch = input.get(0);
        hidden.initialize(manager, dataType, new Shape(batch, embedding.embeddingSize()));
        out.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {
            new Shape(batch, embedding.embeddingSize())})[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }
}
