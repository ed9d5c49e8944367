package io.github.lrabench.runner.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.lrabench.api.TaskSpec;
import java.util.SplittableRandom;

/**
 * One batch of random inputs of a task's shape, as the real data path feeds them: int32 tokens in {@code [0,
 * vocabulary)} or float32 standard-normal features, and int32 labels in {@code [0, classes)}. Made once on the host;
 * each step copies it into its own manager (outside the timed region).
 */
final class SyntheticBatch {

    private final TaskSpec task;
    private final int batchSize;
    private final int[] tokens;
    private final float[] features;
    private final int[] labels;

    /**
     * Draws the batch.
     *
     * @param task the task whose input shape is used
     * @param batchSize B
     * @param seed the seed
     */
    SyntheticBatch(TaskSpec task, int batchSize, long seed) {
        this.task = task;
        this.batchSize = batchSize;
        SplittableRandom random = new SplittableRandom(seed);
        int size = Math.multiplyExact(batchSize, Math.multiplyExact(task.sequenceLength(), task.channels()));
        if (task.isTokenInput()) {
            tokens = random.ints(size, 0, task.vocabularySize()).toArray();
            features = null;
        } else {
            tokens = null;
            features = new float[size];
            for (int i = 0; i < size; i++) {
                features[i] = (float) gaussian(random);
            }
        }
        labels = random.ints(batchSize, 0, task.numClasses()).toArray();
    }

    /** Returns B. */
    int batchSize() {
        return batchSize;
    }

    /**
     * Copies the inputs into a manager.
     *
     * @param manager the step's manager
     * @return {@code (B, L)} int32 or {@code (B, L, C)} float32
     */
    NDArray inputs(NDManager manager) {
        return task.isTokenInput()
                ? manager.create(tokens, task.inputShape(batchSize))
                : manager.create(features, task.inputShape(batchSize));
    }

    /**
     * Copies the labels into a manager.
     *
     * @param manager the step's manager
     * @return {@code (B)} int32
     */
    NDArray labels(NDManager manager) {
        return manager.create(labels);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
