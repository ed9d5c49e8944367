package io.github.lrabench.models.recurrent;

import ai.djl.nn.Block;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.OptionalLong;

/**
 * A classifier built by one of this module's providers.
 *
 * @param id the provider id
 * @param task the task it was built for
 * @param block the uninitialised block
 * @param forwardFlops forward FLOPs for one sequence (a multiply-add counts 2)
 */
record BuiltClassifier(String id, TaskSpec task, Block block, long forwardFlops) implements SequenceClassifier {

    @Override
    public OptionalLong forwardFlopsPerSample() {
        return OptionalLong.of(forwardFlops);
    }
}
