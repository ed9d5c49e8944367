package io.github.lrabench.models.baseline;

/**
 * The settings of every {@link GroupNorm} of a CNN.
 *
 * @param groups G, the channel groups (key {@code norm-groups}; must divide every width)
 * @param epsilon added to each group's variance (key {@code norm-epsilon})
 */
record NormSpec(int groups, float epsilon) {}
