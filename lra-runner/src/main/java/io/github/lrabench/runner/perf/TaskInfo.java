package io.github.lrabench.runner.perf;

import io.github.lrabench.api.TaskSpec;

/**
 * The task the models were measured on.
 *
 * @param name the protocol's name
 * @param sequenceLength L
 * @param channels C
 * @param vocabularySize the token vocabulary, or 0 for float inputs
 * @param numClasses the classes
 * @param inputShape the input shape with symbolic batch
 */
public record TaskInfo(String name, int sequenceLength, int channels, int vocabularySize, int numClasses,
        String inputShape) {

    /**
     * Describes a task.
     *
     * @param task the task
     * @return its description
     */
    public static TaskInfo of(TaskSpec task) {
        return new TaskInfo(task.name(), task.sequenceLength(), task.channels(), task.vocabularySize(),
                task.numClasses(), task.describeInputShape());
    }
}
