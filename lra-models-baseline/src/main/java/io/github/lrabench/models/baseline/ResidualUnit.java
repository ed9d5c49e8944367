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
 * A ResNet basic block (He et al. 2016) with group norm in place of batch norm: {@code ReLU(GN(conv(ReLU(GN(conv(
 * x))))) + shortcut(x))}. The shortcut is the paper's CIFAR option A, free of parameters: the identity, or where
 * the block shrinks the grid or widens the channels, the input subsampled ({@code x[:, ::f, ::f, :]}; the max-pool
 * under {@code downsample = max-pool}) and padded with zero channels. Channels-last {@code (B, H, W, C)}.
 */
final class ResidualUnit extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int factor;
    private final Downsampling downsample;
    private final ConvNormRelu first;
    private final ConvNormRelu second;

    /**
     * Creates the block.
     *
     * @param inChannels the input channels
     * @param outChannels the output channels (at least the input's)
     * @param factor the factor by which the grid shrinks (1: none)
     * @param downsample how it shrinks
     * @param norm the normalisation's groups and epsilon
     */
    ResidualUnit(int inChannels, int outChannels, int factor, Downsampling downsample, NormSpec norm) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.factor = factor;
        this.downsample = downsample;
        first = addChildBlock("first", new ConvNormRelu(inChannels, outChannels, factor, downsample, true, norm));
        second = addChildBlock("second", new ConvNormRelu(outChannels, outChannels, 1, downsample, false, norm));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = first.forward(store, new NDList(x), training, params).head();
        h = second.forward(store, new NDList(h), training, params).head();
        return new NDList(Activation.relu(h.add(shortcut(x))));
    }

    private NDArray shortcut(NDArray x) {
        NDArray s = downsample == Downsampling.STRIDE ? GridPooling.subsample(x, factor) : GridPooling.max(x, factor);
        if (outChannels > inChannels) {
            Shape shape = s.getShape();
            NDArray zeros = s.getManager().zeros(
                    new Shape(shape.get(0), shape.get(1), shape.get(2), outChannels - inChannels),
                    s.getDataType(), s.getDevice());
            s = s.concat(zeros, 3);
        }
        return s;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes[0]);
        second.initialize(manager, dataType, first.getOutputShapes(inputShapes)[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return second.getOutputShapes(first.getOutputShapes(inputShapes));
    }
}
