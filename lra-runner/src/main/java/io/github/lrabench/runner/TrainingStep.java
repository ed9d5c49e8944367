package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

/**
 * One optimiser step of the shared loop: forward on a batch, loss, backward, optional global-norm clipping,
 * update. The trial's loop and the schedule's calibration both train through it, so the calibration times exactly
 * the work of a real step.
 *
 * <p>The batch is created in a sub-manager of the trainer's, so on the model's device. Inside the step one round
 * trip to the host remains: the loss, the count of correct predictions and (with clipping) the squared gradient
 * norm are computed on the device and read back together, as three floats, after the backward pass; the loss
 * decides whether the step diverged (no update), the norm the clipping factor. Everything else stays on the device.
 *
 * <p>With {@code training.micro-batch-size} smaller than the batch, the batch is trained in slices whose gradients
 * add up, each slice's loss weighted by its share of the batch: the same gradient as the whole batch for models
 * whose samples do not interact (no batch statistics), from activations that fit the caches.
 */
final class TrainingStep {

    /**
     * What one step produced.
     *
     * @param loss the batch's mean loss; when not finite, no update was made
     * @param correct sequences of the batch whose arg-max logit was the label
     */
    record Outcome(float loss, long correct) {
        boolean diverged() {
            return !Float.isFinite(loss);
        }
    }

    private TrainingStep() {}

    /**
     * Trains one batch.
     *
     * @param model the model (its block's parameters are clipped)
     * @param trainer the trainer holding the optimiser
     * @param split the training split
     * @param indices the batch's sequence indices
     * @param settings clipping settings
     * @return the loss and the correct count; a non-finite loss leaves the parameters untouched
     */
    static Outcome run(Model model, Trainer trainer, LabeledSequences split, int[] indices,
            TrainingSettings settings) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            int micro = settings.microBatchSize() > 0 ? Math.min(settings.microBatchSize(), indices.length)
                    : indices.length;
            NDArray value = null;
            NDArray hits = null;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                for (int from = 0; from < indices.length; from += micro) {
                    int[] part = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + micro));
                    NDArray y = split.labels(batch, part);
                    NDArray logits = trainer.forward(new NDList(split.inputs(batch, part))).head();
                    NDArray partLoss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    // the batch's mean loss is the micro-batches' means weighted by their share of the batch
                    NDArray weighted = part.length == indices.length ? partLoss
                            : io.github.lrabench.api.BatchOps.scale(partLoss, (float) part.length / indices.length);
                    collector.backward(weighted);
                    NDArray partHits = Evaluation.hits(logits, y);
                    value = value == null ? weighted.stopGradient() : value.add(weighted.stopGradient());
                    hits = hits == null ? partHits : hits.add(partHits);
                }
            }
            NDList stats = new NDList(value.toType(DataType.FLOAT32, false).reshape(1), hits.reshape(1));
            if (settings.clipGradients()) {
                stats.add(GradientClipping.squaredNorm(model.getBlock().getParameters(), batch).reshape(1));
            }
            float[] read = NDArrays.concat(stats).toFloatArray();
            float loss = read[0];
            long correct = Math.round(read[1]);
            if (!Float.isFinite(loss)) {
                return new Outcome(loss, correct);
            }
            if (settings.clipGradients()) {
                GradientClipping.scale(model.getBlock().getParameters(), Math.sqrt(read[2]), settings.clipNorm());
            }
            trainer.step();
            return new Outcome(loss, correct);
        }
    }
}
