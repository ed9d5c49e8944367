package io.github.lrabench.models.recurrent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Array helpers that keep results in the batch's {@link NDManager}.
 *
 * <p>In DJL an op's result belongs to the manager of its first operand. A computation that starts from a parameter
 * (e.g. {@code v.norm()}) would therefore leave its results in the model's long-lived manager, one set per
 * forward. These helpers start every such computation from an array of the batch instead.
 *
 * <p>Scalar arithmetic and dropout go through {@link io.github.lrabench.api.BatchOps} (autograd-safe scalars,
 * engine-independent dropout).
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
     * Gathers rows of a time-major sequence {@code (n, B, C)}: row {@code i} of the result is {@code x[index[i]]},
     * or zero where {@code index[i] = -1} (the zero initial state). It is an embedding lookup into {@code x} viewed
     * as an {@code (n + 1, B·C)} table whose last row is zero, so that the gradient flows back into {@code x} on
     * every engine.
     *
     * @param x the sequence, time-major
     * @param index row indices in {@code [-1, n)}
     * @return {@code (index.length, B, C)}
     */
    static NDArray rows(NDArray x, long[] index) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long width = shape.get(1) * shape.get(2);
        NDArray zero = x.getManager().zeros(new Shape(1, width), x.getDataType(), x.getDevice());
        NDArray table = x.reshape(n, width).concat(zero, 0);
        long[] rows = new long[index.length];
        for (int i = 0; i < index.length; i++) {
            rows[i] = index[i] < 0 ? n : index[i];
        }
        NDArray indices = x.getManager().create(rows).toDevice(x.getDevice(), false);
        NDArray gathered = indices.getNDArrayInternal().embedding(indices, table, SparseFormat.DENSE)
                .singletonOrThrow();
        return gathered.reshape(index.length, shape.get(1), shape.get(2));
    }
}
