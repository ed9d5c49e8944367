package io.github.lrabench.models.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.BatchOps;

/**
 * Group normalisation (Wu and He, ECCV 2018, arXiv:1803.08494) of channels-last grids {@code (B, H, W, C)}: the
 * channels are split into {@code G} groups, each group of each sample is normalised by its own mean and variance
 * over its channels and positions, then a learned per-channel scale γ (initially 1) and shift β (initially 0) are
 * applied.
 *
 * <p>Written from plain array ops so that it behaves the same on every engine, and the same in training and in
 * evaluation: it keeps no running statistics (DJL MXNet's batch norm refuses a training-mode pass outside a
 * gradient collector, and batch statistics would make a sample's logits depend on its batch).
 */
final class GroupNorm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int channels;
    private final int groups;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * Creates the block.
     *
     * @param channels C
     * @param groups G, dividing C
     * @param epsilon added to the variance
     */
    GroupNorm(int channels, int groups, float epsilon) {
        super(VERSION);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        this.channels = channels;
        this.groups = groups;
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels))
                .build());
        beta = addParameter(Parameter.builder()
                .setName("beta")
                .setType(Parameter.Type.BETA)
                .optShape(new Shape(channels))
                .build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(3) != channels) {
            throw new IllegalArgumentException("group norm of " + channels + " channels expects (B, H, W, "
                    + channels + ") but got " + shape);
        }
        // (B, H·W, G, C/G); groups are equal in size, so the mean of per-position means is the group mean
        NDArray grouped = x.reshape(shape.get(0), -1, groups, channels / groups);
        NDArray centred = grouped.sub(groupMean(grouped));
        NDArray variance = groupMean(centred.mul(centred));
        NDArray normalised = centred.div(variance.add(BatchOps.constant(variance, epsilon)).sqrt()).reshape(shape);
        return new NDList(normalised.mul(store.getValue(gamma, x.getDevice(), training))
                .add(store.getValue(beta, x.getDevice(), training)));
    }

    /** Returns the mean of each group, {@code (B, 1, G, 1)}; one axis per call (DJL PyTorch reduces one axis). */
    private static NDArray groupMean(NDArray grouped) {
        return grouped.mean(new int[] {3}, true).mean(new int[] {1}, true);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
