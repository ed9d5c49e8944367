package io.github.lrabench.models.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.BatchOps;

/**
 * Layer normalisation of {@code (B, H, L)} over the channel axis H at every position, with a learned scale (init
 * 1) and shift (init 0) per channel: the layer norm of a {@code (B, L, H)} model without leaving the {@code (B, H,
 * L)} layout that the FFT convolution wants.
 */
final class ChannelLayerNorm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * Creates the block.
     *
     * @param channels H
     * @param epsilon added to the variance
     */
    ChannelLayerNorm(int channels, float epsilon) {
        super(VERSION);
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels, 1)).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels, 1)).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray centred = x.sub(x.mean(new int[] {1}, true));
        NDArray deviation = centred.square().mean(new int[] {1}, true).add(BatchOps.constant(x, epsilon)).sqrt();
        return new NDList(centred.div(deviation)
                .mul(store.getValue(gamma, x.getDevice(), training))
                .add(store.getValue(beta, x.getDevice(), training)));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
