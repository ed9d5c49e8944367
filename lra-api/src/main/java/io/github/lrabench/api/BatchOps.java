package io.github.lrabench.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Array operations that are safe under autograd and identical on every engine. Model blocks use these instead of
 * the corresponding DJL calls:
 *
 * <ul>
 *   <li>{@link #scale}: DJL PyTorch 0.36's {@code NDArray.mul(Number)} / {@code div(Number)} wrap the scalar in a
 *       tensor that borrows a Java direct buffer and is closed right after the op, while autograd keeps it for the
 *       backward pass; once that memory is reused the gradient reads garbage (seen as NaN, infinite or zero
 *       gradients of a 1,024-step recurrence). A scalar created by the engine ({@link #constant}) is safe.</li>
 *   <li>{@link #dropout}: DJL MXNet's dropout refuses to run in training mode outside a gradient collector; here
 *       the mask comes from the engine's seeded uniform generator, so dropout behaves the same everywhere.</li>
 * </ul>
 * Every result lives in the manager of the batch's array {@code x} (never in a model's long-lived manager).
 */
public final class BatchOps {

    private BatchOps() {}

    /**
     * Returns a one-element array holding a value, created by the engine in the manager of {@code like}.
     *
     * @param like supplies manager, data type and device
     * @param value the value
     * @return the array, shape {@code (1)}
     */
    public static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(1), value, like.getDataType(), like.getDevice());
    }

    /**
     * Multiplies by a scalar, safely under autograd.
     *
     * @param x the array
     * @param factor the scalar
     * @return {@code x * factor}
     */
    public static NDArray scale(NDArray x, float factor) {
        return x.mul(constant(x, factor));
    }

    /**
     * Applies inverted dropout while training: each element is zeroed with probability {@code rate}, the rest are
     * scaled by {@code 1 / (1 - rate)}. Returns {@code x} itself when not training or when the rate is 0.
     *
     * @param x the activations
     * @param rate the drop probability, in {@code [0, 1)}
     * @param training whether this is a training pass
     * @return the activations after dropout
     */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        return x.mul(dropoutMask(x, x.getShape(), rate));
    }

    /**
     * Returns an inverted-dropout mask of a shape (broadcast against the array it is applied to): each entry is
     * {@code 1 / (1 - rate)} with probability {@code 1 - rate}, else 0.
     *
     * @param like supplies manager, data type and device
     * @param shape the mask's shape, e.g. {@code (B, 1, H)} for a variational mask shared over time
     * @param rate the drop probability, in {@code [0, 1)}
     * @return the mask
     * @throws IllegalArgumentException when the rate is outside {@code [0, 1)}
     */
    public static NDArray dropoutMask(NDArray like, Shape shape, float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must lie in [0, 1) but was " + rate);
        }
        return like.getManager().randomUniform(0f, 1f, shape, DataType.FLOAT32, like.getDevice())
                .gte(rate)
                .toType(like.getDataType(), false)
                .mul(constant(like, 1f / (1f - rate)));
    }
}
