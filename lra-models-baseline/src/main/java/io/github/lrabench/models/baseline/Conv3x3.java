package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A 3×3 convolution with zero padding 1, no bias and a stride, on channels-last grids {@code (B, H, W, C)},
 * computed as one matrix product over the nine shifted views of the padded input (im2col).
 *
 * <p>Not DJL's {@code Conv2d}: on DJL 0.36 with PyTorch 2.7.1 its input gradients came back non-finite in 10–43%
 * of 300 backward calls here (weight gradients were fine; MXNet had none), the same fault as {@code conv1d}'s, only
 * more frequent. Slices, stack and matrix products have sound gradients on both engines. The weight is {@code (9·C,
 * C_out)}, rows ordered (ky, kx, c), initialised N(0, 2 / (9·C)) (He et al. 2015, as ResNet).
 */
final class Conv3x3 extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int stride;
    private final Parameter weight;

    /**
     * Creates the convolution.
     *
     * @param inChannels C
     * @param outChannels C_out
     * @param stride the stride in both directions
     */
    Conv3x3(int inChannels, int outChannels, int stride) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.stride = stride;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(9L * inChannels, outChannels))
                .optInitializer(new NormalInitializer((float) Math.sqrt(2.0 / (9 * inChannels))))
                .build());
    }

    /** Returns the output side of an input side: {@code ceil(side / stride)}. */
    int outputSide(long side) {
        return (int) ((side - 1) / stride + 1);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(3) != inChannels) {
            throw new IllegalArgumentException("3x3 convolution of " + inChannels + " channels expects (B, H, W, "
                    + inChannels + ") but got " + shape);
        }
        long batch = shape.get(0);
        int outHeight = outputSide(shape.get(1));
        int outWidth = outputSide(shape.get(2));
        NDArray padded = pad(x);
        NDList views = new NDList(9);
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
                views.add(padded.get(":, " + range(dy, outHeight) + ", " + range(dx, outWidth) + ", :"));
            }
        }
        NDArray columns = NDArrays.stack(views, 3).reshape(batch * outHeight * outWidth, 9L * inChannels);
        NDArray out = columns.matMul(store.getValue(weight, x.getDevice(), training));
        return new NDList(out.reshape(batch, outHeight, outWidth, outChannels));
    }

    private String range(int offset, int count) {
        int stop = offset + (count - 1) * stride + 1;
        return stride == 1 ? offset + ":" + stop : offset + ":" + stop + ":" + stride;
    }

    /** Pads one zero row and column on every side, with {@code x} first in every op (the batch's manager). */
    private static NDArray pad(NDArray x) {
        Shape s = x.getShape();
        NDArray column = x.getManager().zeros(new Shape(s.get(0), s.get(1), 1, s.get(3)), x.getDataType(),
                x.getDevice());
        NDArray wide = column.concat(x, 2).concat(column, 2);
        NDArray row = x.getManager().zeros(new Shape(s.get(0), 1, s.get(2) + 2, s.get(3)), x.getDataType(),
                x.getDevice());
        return row.concat(wide, 1).concat(row, 1);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outputSide(in.get(1)), outputSide(in.get(2)), outChannels)};
    }
}
