package io.github.lrabench.models.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.BatchOps;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The S4D classifier of the S4 repository's {@code example.py}: {@link InputEmbedding} without position
 * embeddings (the SSMs see the order) → {@code num-layers} residual blocks on {@code (B, H, L)} → mean over the
 * sequence → Linear(classes). A residual block is, with {@code prenorm},
 * {@code x ← x + Dropout(S4D(LN(x)))}, and without it {@code x ← LN(x + Dropout(S4D(x)))}; dropout masks whole
 * channels (one mask per sample and channel, shared over the sequence).
 */
final class S4DBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final S4DConfig config;
    private final InputEmbedding embedding;
    private final List<ChannelLayerNorm> norms = new ArrayList<>();
    private final List<S4DLayer> layers = new ArrayList<>();
    private final Linear decoder;

    /**
     * Creates the block.
     *
     * @param task the task it classifies
     * @param config the validated configuration
     */
    S4DBlock(TaskSpec task, S4DConfig config) {
        super(VERSION);
        this.task = task;
        this.config = config;
        embedding = addChildBlock("embedding", InputEmbedding.builder()
                .setTask(task)
                .setEmbeddingSize(config.modelSize())
                .optPositionEmbeddings(false)
                .build());
        for (int i = 0; i < config.numLayers(); i++) {
            norms.add(addChildBlock("norm" + i,
                    new ChannelLayerNorm(config.modelSize(), (float) config.layerNormEpsilon())));
            layers.add(addChildBlock("layer" + i, new S4DLayer(config)));
        }
        decoder = addChildBlock("decoder", Linear.builder().setUnits(task.numClasses()).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = embedding.forward(store, inputs, training, params).head().transpose(0, 2, 1);
        Shape shape = x.getShape();
        float dropout = (float) config.dropout();
        for (int i = 0; i < layers.size(); i++) {
            NDArray z = config.prenorm() ? norms.get(i).forward(store, new NDList(x), training, params).head() : x;
            z = layers.get(i).forward(store, new NDList(z), training, params).head();
            if (training && dropout > 0) {
                z = z.mul(BatchOps.dropoutMask(z, new Shape(shape.get(0), shape.get(1), 1), dropout));
            }
            x = z.add(x);
            if (!config.prenorm()) {
                x = norms.get(i).forward(store, new NDList(x), training, params).head();
            }
        }
        return decoder.forward(store, new NDList(x.mean(new int[] {2})), training, params);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        embedding.initialize(manager, dataType, input);
        Shape sequence = embedding.getOutputShapes(new Shape[] {input})[0];
        Shape channelsFirst = new Shape(sequence.get(0), sequence.get(2), sequence.get(1));
        for (int i = 0; i < layers.size(); i++) {
            norms.get(i).initialize(manager, dataType, channelsFirst);
            layers.get(i).initialize(manager, dataType, channelsFirst);
        }
        decoder.initialize(manager, dataType, new Shape(sequence.get(0), config.modelSize()));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }
}
