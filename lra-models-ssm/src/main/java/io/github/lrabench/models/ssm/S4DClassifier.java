package io.github.lrabench.models.ssm;

import ai.djl.nn.Block;
import io.github.lrabench.api.ParameterGroup;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.List;
import java.util.OptionalLong;

/**
 * An S4D classifier with the optimisation hint of its recipe: the state-space parameters in a group of their own.
 *
 * @param id the provider id
 * @param task the task the block was built for
 * @param block the block
 * @param forwardFlopsPerSample forward FLOPs for one sequence
 * @param parameterGroups the group {@code ssm}: log Δ, log(−Re Λ) and Im Λ of every layer
 */
record S4DClassifier(String id, TaskSpec task, Block block, OptionalLong forwardFlopsPerSample,
        List<ParameterGroup> parameterGroups) implements SequenceClassifier {

    /** Copies the group list. */
    S4DClassifier {
        parameterGroups = List.copyOf(parameterGroups);
    }
}
