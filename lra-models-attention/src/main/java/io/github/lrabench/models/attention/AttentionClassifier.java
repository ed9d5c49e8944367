package io.github.lrabench.models.attention;

import ai.djl.nn.Block;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.OptionalLong;

/**
 * A classifier built by one of this module's providers.
 *
 * @param id the provider's id
 * @param task the task it was built for
 * @param block the uninitialised model
 * @param forwardFlops the forward FLOPs for one sequence
 */
public record AttentionClassifier(String id, TaskSpec task, Block block, long forwardFlops)
        implements SequenceClassifier {

    /** {@inheritDoc} */
    @Override
    public OptionalLong forwardFlopsPerSample() {
        return OptionalLong.of(forwardFlops);
    }
}
