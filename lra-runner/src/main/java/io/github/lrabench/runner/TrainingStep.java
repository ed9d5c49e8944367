package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

/**
 * One optimiser step of the shared loop: forward on a batch, loss, backward, optional global-norm clipping,
 * update. The trial's loop and the schedule's calibration both train through it, so the calibration times exactly
 * the work of a real step.
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
            NDArray x = split.inputs(batch, indices);
            NDArray y = split.labels(batch, indices);
            float loss;
            long correct;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).head();
                NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                loss = value.getFloat();
                correct = Evaluation.countCorrect(logits, Evaluation.range(0, indices.length), y.toIntArray());
                if (!Float.isFinite(loss)) {
                    return new Outcome(loss, correct);
                }
                collector.backward(value);
            }
            if (settings.clipGradients()) {
                GradientClipping.clipGlobalNorm(model.getBlock().getParameters(), settings.clipNorm());
            }
            trainer.step();
            return new Outcome(loss, correct);
        }
    }
}
