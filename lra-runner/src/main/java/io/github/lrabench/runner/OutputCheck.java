package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Optional;

/**
 * The check a trial makes before any training: the model maps a batch of the training split to finite logits of
 * shape {@code (B, classes)}. A block that returns per-position logits or the wrong class count would otherwise
 * "train" and score 0%, or fail deep inside the engine.
 */
final class OutputCheck {

    private static final int BATCH = 2;

    private OutputCheck() {}

    /**
     * Runs one inference-mode forward pass (no dropout, no gradients, no random draws) on the first sequences of
     * the split.
     *
     * @param model the initialised model
     * @param split the training split
     * @param provider the provider id, for the message
     * @return what is wrong, or empty when the output has the expected shape and is finite
     */
    static Optional<String> problem(Model model, LabeledSequences split, String provider) {
        int[] indices = Evaluation.range(0, Math.min(BATCH, split.size()));
        Shape expected = new Shape(indices.length, split.task().numClasses());
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDList output = model.getBlock().forward(new ParameterStore(batch, false),
                    new NDList(split.inputs(batch, indices)), false);
            if (output.isEmpty()) {
                return Optional.of("provider '" + provider + "' returned no output for a batch of shape "
                        + split.task().inputShape(indices.length) + "; expected logits of shape " + expected);
            }
            NDArray logits = output.head();
            if (!logits.getShape().equals(expected)) {
                return Optional.of("provider '" + provider + "' returned logits of shape " + logits.getShape()
                        + " for a batch of shape " + split.task().inputShape(indices.length)
                        + "; expected (batch, classes) = " + expected);
            }
            float[] values = logits.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    return Optional.of("provider '" + provider + "' returned non-finite logits (" + v
                            + ") for the first training sequences before any training");
                }
            }
            return Optional.empty();
        }
    }
}
