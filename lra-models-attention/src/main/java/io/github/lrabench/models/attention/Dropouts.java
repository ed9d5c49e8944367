package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/**
 * Inverted dropout that behaves the same on every engine.
 *
 * <p>PyTorch uses its fused op. MXNet's dropout insists that the {@code training} flag equal autograd's recording
 * state and throws otherwise (e.g. for a forward pass in training mode outside a {@code GradientCollector}), so on
 * other engines the Bernoulli mask is drawn explicitly in the input's manager.
 */
final class Dropouts {

    private Dropouts() {}

    /**
     * Applies dropout while training.
     *
     * @param x the activations
     * @param rate the probability of zeroing an element, in {@code [0, 1)}
     * @param training whether this is a training pass; nothing happens otherwise
     * @return {@code x} with dropped elements zeroed and the rest scaled by {@code 1 / (1 - rate)}
     */
    static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        if (Engines.isPyTorch(x)) {
            return Dropout.dropout(x, rate, true).singletonOrThrow();
        }
        NDArray keep = x.getManager()
                .randomUniform(0f, 1f, x.getShape(), x.getDataType(), x.getDevice())
                .gte(rate)
                .toType(x.getDataType(), false);
        return x.mul(keep).mul(1f / (1f - rate));
    }
}
