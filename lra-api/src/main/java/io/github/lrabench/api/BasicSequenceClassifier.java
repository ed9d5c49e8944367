package io.github.lrabench.api;

import ai.djl.nn.Block;
import java.util.OptionalLong;

/**
 * A {@link SequenceClassifier} as a plain value: what most providers return from {@code create}.
 *
 * @param id the provider id
 * @param task the task the block was built for
 * @param block the block
 * @param forwardFlopsPerSample forward FLOPs for one sequence (a multiply-add counts 2), empty when unknown
 */
public record BasicSequenceClassifier(String id, TaskSpec task, Block block, OptionalLong forwardFlopsPerSample)
        implements SequenceClassifier {

    /**
     * Creates a classifier with a known FLOP count.
     *
     * @param id the provider id
     * @param task the task
     * @param block the block
     * @param forwardFlops forward FLOPs for one sequence
     * @return the classifier
     */
    public static BasicSequenceClassifier of(String id, TaskSpec task, Block block, long forwardFlops) {
        return new BasicSequenceClassifier(id, task, block, OptionalLong.of(forwardFlops));
    }
}
