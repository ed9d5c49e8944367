package io.github.lrabench.models.recurrent;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * Builds the effective weight of a two-tap causal convolution from its parameters, once per forward: temporal
 * DropConnect on the {@code t - d} tap (training only), then weight normalisation {@code W = g v / |v|} with the
 * norm taken per output channel over (tap, input channel), as TrellisNet does (the norm sees the dropped {@code
 * v}).
 *
 * <p>The direction {@code v} has shape {@code (2, in, out)}: tap 0 multiplies {@code x[t - d]}, tap 1 multiplies
 * {@code x[t]}. The result is reshaped to {@code (2 in, out)}, matching the channel order of {@code concat(x[t -
 * d], x[t])}, so that one matrix product computes the whole convolution.
 */
final class TwoTapWeight {

    private TwoTapWeight() {}

    /**
     * Computes the effective weight in the batch's manager.
     *
     * @param like an array of the batch (supplies manager and device)
     * @param direction the parameter {@code v}, {@code (2, in, out)}
     * @param gain the parameter {@code g}, {@code (out)}, or {@code null} without weight normalisation
     * @param weightDropout the DropConnect rate on tap 0
     * @param training whether the forward pass trains (DropConnect is off otherwise)
     * @return the weight, {@code (2 in, out)}
     */
    static NDArray effective(NDArray like, NDArray direction, NDArray gain, float weightDropout, boolean training) {
        Shape shape = direction.getShape();
        NDArray v;
        if (training && weightDropout > 0f) {
            NDManager manager = like.getManager();
            Shape tap = new Shape(1, shape.get(1), shape.get(2));
            NDArray keepCurrent = manager.ones(tap, direction.getDataType(), like.getDevice());
            NDArray mask = BatchOps.dropoutMask(like, tap, weightDropout).concat(keepCurrent, 0);
            v = mask.mul(direction);
        } else {
            v = BatchArrays.local(like, direction);
        }
        if (gain != null) {
            NDArray norm = v.square().sum(new int[] {0, 1}).sqrt();
            v = v.div(norm).mul(gain);
        }
        return v.reshape(shape.get(0) * shape.get(1), shape.get(2));
    }

    /**
     * Initialises the gain {@code g} of weight normalisation to the norm of the already initialised direction
     * {@code v}, so that {@code W = v} at the start (as PyTorch's {@code weight_norm} does). The direction must be
     * added to the block before the gain, so that it is initialised first.
     */
    static final class GainInitializer implements Initializer {

        private final Parameter direction;

        /**
         * Creates the initializer.
         *
         * @param direction the parameter {@code v}, {@code (2, in, out)}
         */
        GainInitializer(Parameter direction) {
            this.direction = direction;
        }

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            NDArray v = direction.getArray();
            Shape vShape = v.getShape();
            int rows = Math.toIntExact(vShape.get(0) * vShape.get(1));
            int out = Math.toIntExact(vShape.get(2));
            float[] values = v.toType(DataType.FLOAT32, false).toFloatArray();
            double[] squares = new double[out];
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < out; column++) {
                    double value = values[row * out + column];
                    squares[column] += value * value;
                }
            }
            float[] norms = new float[out];
            for (int column = 0; column < out; column++) {
                norms[column] = (float) Math.sqrt(squares[column]);
            }
            return manager.create(norms, shape).toType(dataType, false);
        }
    }
}
