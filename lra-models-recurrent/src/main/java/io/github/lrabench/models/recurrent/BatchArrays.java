package io.github.lrabench.models.recurrent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Array helpers that keep results in the batch's {@link NDManager}.
 *
 * <p>In DJL an op's result belongs to the manager of its first operand. A computation that starts from a parameter
 * (e.g. {@code v.norm()}) would therefore leave its results in the model's long-lived manager, one set per
 * forward. These helpers start every such computation from an array of the batch instead.
 *
 * <p>Scalar arithmetic goes through {@link #scale}: DJL PyTorch 0.36's {@code NDArray.mul(Number)} (and the other
 * {@code Number} overloads) wraps the scalar in a tensor that borrows a Java direct buffer and closes it right
 * after the op, while autograd still holds that tensor for the backward pass. Once the buffer's memory is reused
 * the gradient reads garbage: on a 1,024-step recurrence with batch 64 the gradients of the recurrent matrices came
 * out NaN, infinite or zero while the forward pass was right. A scalar made by {@code NDManager.full} is owned by
 * the engine and is safe.
 */
final class BatchArrays {

    private BatchArrays() {}

    /**
     * Returns a copy of a parameter that lives in the batch's manager and stays on the autograd tape, so that
     * further ops on it keep their results there.
     *
     * @param like any array of the batch (supplies manager and device)
     * @param parameter the parameter's array
     * @return {@code parameter}, in the batch's manager
     */
    static NDArray local(NDArray like, NDArray parameter) {
        return like.getManager()
                .zeros(new Shape(1), parameter.getDataType(), like.getDevice())
                .add(parameter);
    }

    /**
     * Shifts a sequence {@code (B, L, C)} right by {@code steps} along time, filling with zeros (the zero initial
     * state): the result at {@code t} is {@code x[t - steps]}, or zero for {@code t < steps}.
     *
     * @param x the sequence
     * @param steps the shift, {@code >= 1}
     * @return the shifted sequence, same shape
     */
    static NDArray shiftRight(NDArray x, int steps) {
        Shape shape = x.getShape();
        long length = shape.get(1);
        if (steps >= length) {
            return x.zerosLike();
        }
        NDArray pad = x.getManager().zeros(new Shape(shape.get(0), steps, shape.get(2)), x.getDataType(),
                x.getDevice());
        return pad.concat(x.get(new NDIndex(":, 0:{}", length - steps)), 1);
    }

    /**
     * Returns an inverted-dropout mask: each entry is {@code 1 / (1 - rate)} with probability {@code 1 - rate},
     * else 0. Built from the engine's seeded uniform generator, so it behaves the same on every engine and outside
     * a gradient collector (MXNet's own dropout op refuses to run in training mode without one).
     *
     * @param manager the batch's manager
     * @param shape the mask shape (broadcast against the array it is applied to)
     * @param rate the drop probability in {@code [0, 1)}
     * @param like an array supplying the data type and device
     * @return the mask
     */
    static NDArray dropoutMask(NDManager manager, Shape shape, float rate, NDArray like) {
        return manager.randomUniform(0f, 1f, shape, DataType.FLOAT32, like.getDevice())
                .gte(rate)
                .toType(like.getDataType(), false)
                .mul(constant(like, 1f / (1f - rate)));
    }

    /**
     * Multiplies by a scalar safely under autograd on every engine (see the class comment for why not {@code
     * x.mul(factor)}).
     *
     * @param x the array
     * @param factor the scalar
     * @return {@code x * factor}, in {@code x}'s manager
     */
    static NDArray scale(NDArray x, float factor) {
        return x.mul(constant(x, factor));
    }

    /**
     * Returns a one-element array holding a value, created by the engine in the manager of {@code like}.
     *
     * @param like supplies manager, data type and device
     * @param value the value
     * @return the array, shape {@code (1)}
     */
    static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(1), value, like.getDataType(), like.getDevice());
    }

    /**
     * Applies element-wise inverted dropout in training; returns {@code x} itself otherwise or when the rate is 0.
     *
     * @param x the array
     * @param rate the drop probability in {@code [0, 1)}
     * @param training whether the forward pass trains
     * @return {@code x} with dropout applied when training
     */
    static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        return x.mul(dropoutMask(x.getManager(), x.getShape(), rate, x));
    }
}
