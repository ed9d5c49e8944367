package io.github.lrabench.models.recurrent;

/**
 * Which positions the TrellisNet levels compute ({@code level-path}).
 *
 * <p>With {@code pooling = last} only the last step of the last level reaches the logits, and it depends only on its
 * causal cone: level {@code i} needs the positions the level above reads at {@code t} and {@code t - d} (see {@link
 * CausalCone}). {@link #AUTO} computes just that cone there, {@link #FULL} every position of every level. Both give
 * the same logits and gradients.
 */
public enum LevelPath {

    /** The causal cone of the last step under {@code pooling = last}; every position under {@code mean}. */
    AUTO,

    /** Every position of every level. */
    FULL
}
