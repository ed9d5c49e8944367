package io.github.lrabench.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis with a learned scale (init 1) and shift (init 0).
 *
 * <p>Shared by the model modules. DJL's {@link LayerNorm} block is avoided on purpose: its MXNet implementation reshapes the scale and shift,
 * which creates two arrays per call in the model's long-lived manager (the memory trap). On PyTorch the fused op is
 * used; elsewhere the same function is composed from elementwise ops with the batch's array first.
 */
public final class LayerNormalization extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int size;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * Creates the block.
     *
     * @param size the length of the normalised last axis
     * @param epsilon added to the variance
     */
    public LayerNormalization(int size, float epsilon) {
        super(VERSION);
        this.size = size;
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(size))
                .build());
        beta = addParameter(Parameter.builder()
                .setName("beta")
                .setType(Parameter.Type.BETA)
                .optShape(new Shape(size))
                .build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray scale = store.getValue(gamma, x.getDevice(), training);
        NDArray shift = store.getValue(beta, x.getDevice(), training);
        if ("PyTorch".equals(x.getManager().getEngine().getEngineName())) {
            return LayerNorm.layerNorm(x, new Shape(size), scale, shift, epsilon);
        }
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        NDArray deviation = variance.add(BatchOps.constant(x, epsilon)).sqrt();
        return new NDList(centred.div(deviation).mul(scale).add(shift));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
