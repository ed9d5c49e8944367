package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/** Accuracy of a model on a split, in inference mode (no dropout, no gradients). */
public final class Evaluation {

    private Evaluation() {}

    /**
     * Computes the fraction of sequences whose arg-max logit is the label.
     *
     * @param model the model
     * @param split the split
     * @param batchSize sequences per forward pass
     * @return accuracy in [0, 1]
     */
    public static double accuracy(Model model, LabeledSequences split, int batchSize) {
        return accuracy(model, split, batchSize, split.size());
    }

    /**
     * Computes the accuracy on the first sequences of a split.
     *
     * @param model the model
     * @param split the split
     * @param batchSize sequences per forward pass
     * @param count how many of the split's first sequences to score (at most its size)
     * @return accuracy in [0, 1]
     */
    static double accuracy(Model model, LabeledSequences split, int batchSize, int count) {
        int size = Math.min(count, split.size());
        long correct = 0;
        for (int from = 0; from < size; from += batchSize) {
            int[] indices = range(from, Math.min(size, from + batchSize));
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray logits = model.getBlock()
                        .forward(new ParameterStore(batch, false), new NDList(split.inputs(batch, indices)), false)
                        .head();
                correct += countCorrect(logits, indices, split.labels());
            }
        }
        return size == 0 ? 0 : (double) correct / size;
    }

    /**
     * Counts the rows of a logits array whose arg-max equals the label.
     *
     * @param logits {@code (B, classes)}
     * @param indices the rows' indices into {@code labels}
     * @param labels all labels
     * @return the number of correct rows
     */
    static long countCorrect(NDArray logits, int[] indices, int[] labels) {
        long[] predicted = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
        long correct = 0;
        for (int i = 0; i < indices.length; i++) {
            if (predicted[i] == labels[indices[i]]) {
                correct++;
            }
        }
        return correct;
    }

    static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }
}
