package io.github.lrabench.models.fourier;

import ai.djl.nn.Block;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.OptionalLong;

/**
 * An FNet built for one task.
 *
 * @param id the provider id
 * @param task the task
 * @param block the uninitialised {@link FNetBlock}
 * @param flops the forward FLOPs of one sequence (see {@link FNetFlops})
 */
record FNetClassifier(String id, TaskSpec task, Block block, long flops) implements SequenceClassifier {

    /** {@inheritDoc} */
    @Override
    public OptionalLong forwardFlopsPerSample() {
        return OptionalLong.of(flops);
    }
}
