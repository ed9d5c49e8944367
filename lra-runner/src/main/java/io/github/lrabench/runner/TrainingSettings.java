package io.github.lrabench.runner;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The optimiser, schedule and loop settings of one trial, read from a {@code training} block (see {@link
 * TrialSettingsResolver} for how protocol, profile and model layers stack).
 *
 * @param optimizer {@code adam} or {@code adamw}
 * @param learningRate peak learning rate after warmup
 * @param finalLearningRate the value the cosine reaches at the last step
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's epsilon
 * @param weightDecay weight decay (decoupled for adamw)
 * @param warmupSteps linear warmup steps
 * @param steps total optimiser steps
 * @param batchSize training batch size
 * @param evalBatchSize batch size for validation and test
 * @param evalEvery evaluate on validation every this many steps
 * @param clipGradients whether global-norm gradient clipping is on
 * @param clipNorm the maximum global L2 norm of all gradients
 * @param budgetMinutes wall-clock budget of one trial
 */
public record TrainingSettings(String optimizer, double learningRate, double finalLearningRate, double beta1,
        double beta2, double epsilon, double weightDecay, int warmupSteps, int steps, int batchSize,
        int evalBatchSize, int evalEvery, boolean clipGradients, double clipNorm, double budgetMinutes) {

    /**
     * Reads and validates a {@code training} block; every problem is reported together.
     *
     * @param training the block
     * @param path the block's path, used in messages
     * @return the settings
     * @throws IllegalArgumentException naming each bad key
     */
    public static TrainingSettings from(Config training, String path) {
        TrainingSettings settings = new TrainingSettings(
                training.getString("optimizer").toLowerCase(Locale.ROOT),
                training.getDouble("learning-rate"),
                training.getDouble("final-learning-rate"),
                training.getDouble("beta1"),
                training.getDouble("beta2"),
                training.getDouble("epsilon"),
                training.getDouble("weight-decay"),
                training.getInt("warmup-steps"),
                training.getInt("steps"),
                training.getInt("batch-size"),
                training.getInt("eval-batch-size"),
                training.getInt("eval-every"),
                training.getBoolean("gradient-clipping.enabled"),
                training.getDouble("gradient-clipping.max-norm"),
                training.getDouble("budget-minutes"));
        List<String> problems = new ArrayList<>();
        if (!List.of("adam", "adamw").contains(settings.optimizer)) {
            problems.add(path + ".optimizer must be adam or adamw but was " + settings.optimizer);
        }
        positive(problems, path + ".learning-rate", settings.learningRate);
        if (settings.finalLearningRate < 0 || settings.finalLearningRate > settings.learningRate) {
            problems.add(path + ".final-learning-rate must lie in [0, learning-rate] but was "
                    + settings.finalLearningRate);
        }
        if (settings.warmupSteps < 0) {
            problems.add(path + ".warmup-steps must be >= 0 but was " + settings.warmupSteps);
        }
        positive(problems, path + ".steps", settings.steps);
        positive(problems, path + ".batch-size", settings.batchSize);
        positive(problems, path + ".eval-batch-size", settings.evalBatchSize);
        positive(problems, path + ".eval-every", settings.evalEvery);
        positive(problems, path + ".gradient-clipping.max-norm", settings.clipNorm);
        positive(problems, path + ".budget-minutes", settings.budgetMinutes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return settings;
    }

    private static void positive(List<String> problems, String key, double value) {
        if (!(value > 0)) {
            problems.add(key + " must be > 0 but was " + value);
        }
    }
}
