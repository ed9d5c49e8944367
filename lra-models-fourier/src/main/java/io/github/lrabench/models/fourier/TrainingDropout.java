package io.github.lrabench.models.fourier;

import ai.djl.ndarray.NDArray;

/**
 * Inverted dropout written with engine-neutral ops: a uniform random mask made in the input's manager, applied as
 * the second operand. DJL's own {@code Dropout.dropout} refuses, on MXNet, a training-mode forward pass outside a
 * {@code GradientCollector} ("the mode of dropout in MXNet should align with the mode of GradientCollector"); this
 * form works on every engine and in every mode.
 */
final class TrainingDropout {

    private TrainingDropout() {}

    /**
     * Zeroes each element with probability {@code rate} and scales the rest by {@code 1 / (1 − rate)} when
     * training; returns the input unchanged otherwise.
     *
     * @param x the input
     * @param rate the drop probability in [0, 1)
     * @param training whether this is a training forward pass
     * @return the result, in {@code x}'s manager
     */
    static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        NDArray keep = x.getManager()
                .randomUniform(0f, 1f, x.getShape(), x.getDataType(), x.getDevice())
                .gte(rate)
                .toType(x.getDataType(), false);
        return x.mul(keep).div(1f - rate);
    }
}
