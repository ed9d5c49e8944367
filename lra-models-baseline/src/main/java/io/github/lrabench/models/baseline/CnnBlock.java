package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The image-native classifier: the sequence laid out on its square grid ({@link ImageGrid}) → stem (conv → GN →
 * ReLU) → stages of plain or residual units → global average pooling → Dense(classes). See {@link CnnConfig}.
 * Grids are channels-last, {@code (B, S, S, C)}, so that the sequence needs no transpose and each convolution is one
 * matrix product ({@link Conv3x3}).
 */
final class CnnBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TaskSpec task;
    private final int side;
    private final ConvNormRelu stem;
    private final List<Block> units = new ArrayList<>();
    private final Linear head;

    /**
     * Creates the block.
     *
     * @param task the task it classifies
     * @param config the validated configuration
     * @throws IllegalArgumentException when the task's length is not a perfect square or its grid would shrink to
     *     nothing
     */
    CnnBlock(TaskSpec task, CnnConfig config) {
        super(VERSION);
        this.task = task;
        this.side = ImageGrid.side(task);
        config.stageSides(task);
        stem = addChildBlock("stem", new ConvNormRelu(ImageGrid.channels(task), config.stemChannels(), 1,
                config.downsample(), true, config.norm()));
        int in = config.stemChannels();
        for (int stage = 0; stage < config.stageChannels().size(); stage++) {
            int channels = config.stageChannels().get(stage);
            for (int unit = 0; unit < config.blocksPerStage(); unit++) {
                int factor = unit == 0 ? config.stageDownsampling().get(stage) : 1;
                Block block = config.residual()
                        ? new ResidualUnit(in, channels, factor, config.downsample(), config.norm())
                        : new ConvNormRelu(in, channels, factor, config.downsample(), true, config.norm());
                units.add(addChildBlock("stage" + stage + "unit" + unit, block));
                in = channels;
            }
        }
        head = addChildBlock("head", Linear.builder().setUnits(task.numClasses()).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        InputEmbedding.checkInputShape(task, x.getShape());
        return forwardGrid(store, ImageGrid.toGrid(x, task, side), training, params);
    }

    /**
     * Runs the network on grids laid out already: the part after {@link ImageGrid#toGrid}.
     *
     * @param store the parameter store
     * @param grid {@code (B, S, S, C')} float32: rows, columns, channels
     * @param training whether this is a training pass
     * @param params extra parameters (unused)
     * @return the logits {@code (B, classes)}
     */
    NDList forwardGrid(ParameterStore store, NDArray grid, boolean training, PairList<String, Object> params) {
        NDArray h = stem.forward(store, new NDList(grid), training, params).head();
        for (Block unit : units) {
            h = unit.forward(store, new NDList(h), training, params).head();
        }
        Shape shape = h.getShape();
        NDArray pooled = h.reshape(shape.get(0), -1, shape.get(3)).mean(new int[] {1});
        return head.forward(store, new NDList(pooled), training, params);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        InputEmbedding.checkInputShape(task, inputShapes[0]);
        Shape shape = new Shape(inputShapes[0].get(0), side, side, ImageGrid.channels(task));
        stem.initialize(manager, dataType, shape);
        shape = stem.getOutputShapes(new Shape[] {shape})[0];
        for (Block unit : units) {
            unit.initialize(manager, dataType, shape);
            shape = unit.getOutputShapes(new Shape[] {shape})[0];
        }
        head.initialize(manager, dataType, new Shape(shape.get(0), shape.get(3)));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), task.numClasses())};
    }
}
