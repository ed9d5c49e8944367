package io.github.lrabench.api;

import ai.djl.nn.Block;
import java.util.List;
import java.util.OptionalLong;

/**
 * A model built for one task: a DJL block mapping {@code NDList(x)} to {@code NDList(logits)}.
 *
 * <p>{@code x} is {@code (B, L)} int32 tokens when {@code task().vocabularySize() > 0}, else {@code (B, L, C)}
 * float32; logits are {@code (B, task().numClasses())}. A wrong input rank or size gives an {@link
 * IllegalArgumentException} naming the expected shape.
 */
public interface SequenceClassifier {

    /** Returns the id of the provider that built this classifier. */
    String id();

    /** Returns the task this classifier was built for. */
    TaskSpec task();

    /** Returns the DJL block; engine-agnostic and not yet initialised. */
    Block block();

    /**
     * Returns the forward FLOPs for one sequence, counting a multiply-add as 2.
     *
     * @return the FLOPs, or empty when unknown
     */
    default OptionalLong forwardFlopsPerSample() {
        return OptionalLong.empty();
    }

    /**
     * Returns optimisation hints for groups of this classifier's parameters: their own learning rate and weight
     * decay on or off. The runner's optimiser applies them for every classifier that declares them and records
     * them in the result; a parameter matched by no group trains with the run's settings. Each group must match
     * at least one trainable parameter and no parameter may be matched by two groups.
     *
     * @return the groups; empty (the default) when every parameter trains with the run's settings
     */
    default List<ParameterGroup> parameterGroups() {
        return List.of();
    }
}
