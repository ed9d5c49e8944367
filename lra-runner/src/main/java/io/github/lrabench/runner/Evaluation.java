package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
        if (size == 0) {
            return 0;
        }
        // the correct counts are summed on the model's device and read back once per pass, not once per batch
        try (NDManager pass = model.getNDManager().newSubManager()) {
            NDArray correct = pass.zeros(new Shape(), DataType.FLOAT32);
            for (int from = 0; from < size; from += batchSize) {
                int[] indices = range(from, Math.min(size, from + batchSize));
                try (NDManager batch = pass.newSubManager()) {
                    NDArray logits = model.getBlock()
                            .forward(new ParameterStore(batch, false), new NDList(split.inputs(batch, indices)),
                                    false)
                            .head();
                    NDArray sum = correct.add(hits(logits, split.labels(batch, indices)));
                    sum.attach(pass);
                    correct = sum;
                }
            }
            return Math.round(correct.getFloat()) / (double) size;
        }
    }

    /**
     * Counts, on the logits' device, the rows of a logits array whose arg-max equals the label.
     *
     * @param logits {@code (B, classes)}
     * @param labels {@code (B)} integer labels on the same device
     * @return a float32 scalar array in the logits' manager: the number of correct rows
     */
    static NDArray hits(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.INT32, false).eq(labels.toType(DataType.INT32, false))
                .toType(DataType.FLOAT32, false).sum();
    }

    static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }
}
