package io.github.lrabench.api;

import ai.djl.nn.Block;
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
}
