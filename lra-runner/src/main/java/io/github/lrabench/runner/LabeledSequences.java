package io.github.lrabench.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.lrabench.api.TaskSpec;
import java.util.Objects;

/**
 * One split encoded for a task, held as Java arrays so that every batch is a fresh array in the batch's manager
 * (nothing derived from the data outlives its batch).
 *
 * @param task the task the sequences are encoded for
 * @param tokens {@code (N·L)} tokens for token tasks, else null
 * @param features {@code (N·L·C)} features for continuous tasks, else null
 * @param labels the N class labels
 */
public record LabeledSequences(TaskSpec task, int[] tokens, float[] features, int[] labels) {

    /** Checks that exactly the right array is present and its size matches the labels. */
    public LabeledSequences {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(labels, "labels");
        long perSample = (long) task.sequenceLength() * task.channels();
        if (task.isTokenInput()) {
            if (tokens == null || features != null || tokens.length != labels.length * perSample) {
                throw new IllegalArgumentException("task " + task.name() + " needs " + labels.length + " × "
                        + perSample + " tokens and no features");
            }
        } else if (features == null || tokens != null || features.length != labels.length * perSample) {
            throw new IllegalArgumentException("task " + task.name() + " needs " + labels.length + " × "
                    + perSample + " features and no tokens");
        }
    }

    /** Returns N, the number of sequences. */
    public int size() {
        return labels.length;
    }

    /**
     * Copies the inputs of some sequences into a new array of the task's input shape.
     *
     * @param manager the batch's manager
     * @param indices which sequences, in order
     * @return {@code (B, L)} int32 or {@code (B, L, C)} float32
     */
    public NDArray inputs(NDManager manager, int[] indices) {
        int perSample = task.sequenceLength() * task.channels();
        if (task.isTokenInput()) {
            int[] batch = new int[indices.length * perSample];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(tokens, indices[i] * perSample, batch, i * perSample, perSample);
            }
            return manager.create(batch, task.inputShape(indices.length));
        }
        float[] batch = new float[indices.length * perSample];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * perSample, batch, i * perSample, perSample);
        }
        return manager.create(batch, task.inputShape(indices.length));
    }

    /**
     * Copies the labels of some sequences into a new int32 array.
     *
     * @param manager the batch's manager
     * @param indices which sequences, in order
     * @return {@code (B)} labels
     */
    public NDArray labels(NDManager manager, int[] indices) {
        int[] batch = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            batch[i] = labels[indices[i]];
        }
        return manager.create(batch);
    }
}
