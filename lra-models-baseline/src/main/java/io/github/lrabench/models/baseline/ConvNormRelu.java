package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 3×3 convolution ({@link Conv3x3}) → {@link GroupNorm} → optional ReLU, optionally shrinking the grid first: by
 * a {@code f × f} max-pool ({@link GridPooling}), or by the convolution's stride. The unit of the plain CNN, and
 * each half of a residual block. Works on channels-last grids {@code (B, H, W, C)}.
 */
final class ConvNormRelu extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int factor;
    private final Downsampling downsample;
    private final boolean relu;
    private final Conv3x3 conv;
    private final GroupNorm norm;

    /**
     * Creates the unit.
     *
     * @param inChannels the input channels
     * @param outChannels the output channels
     * @param factor the factor by which the grid shrinks (1: none)
     * @param downsample how it shrinks
     * @param relu whether a ReLU follows the norm
     * @param norm the normalisation's groups and epsilon
     */
    ConvNormRelu(int inChannels, int outChannels, int factor, Downsampling downsample, boolean relu, NormSpec norm) {
        super(VERSION);
        this.factor = factor;
        this.downsample = downsample;
        this.relu = relu;
        int stride = downsample == Downsampling.STRIDE ? factor : 1;
        conv = addChildBlock("conv", new Conv3x3(inChannels, outChannels, stride));
        this.norm = addChildBlock("norm", new GroupNorm(outChannels, norm.groups(), norm.epsilon()));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (downsample == Downsampling.MAX_POOL) {
            x = GridPooling.max(x, factor);
        }
        NDArray h = conv.forward(store, new NDList(x), training, params).head();
        h = norm.forward(store, new NDList(h), training, params).head();
        return new NDList(relu ? Activation.relu(h) : h);
    }

    private Shape pooledShape(Shape input) {
        return downsample == Downsampling.MAX_POOL ? GridPooling.maxShape(input, factor) : input;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pooled = pooledShape(inputShapes[0]);
        conv.initialize(manager, dataType, pooled);
        norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {pooled})[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(new Shape[] {pooledShape(inputShapes[0])});
    }
}
