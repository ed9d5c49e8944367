package io.github.lrabench.runner;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/** The training configuration of the shared loop: softmax cross-entropy and Adam or AdamW as the settings say. */
final class OptimizerSetup {

    private OptimizerSetup() {}

    /**
     * Builds the training configuration.
     *
     * @param settings optimiser settings
     * @param learningRate the learning-rate tracker
     * @param moments the moment estimates the optimiser reads and restores
     * @param firstUpdate the update count the optimiser starts from (a resumed trial's step)
     * @return the configuration
     */
    static DefaultTrainingConfig trainingConfig(TrainingSettings settings, Tracker learningRate, AdamMoments moments,
            int firstUpdate) {
        Optimizer optimizer = "adamw".equals(settings.optimizer())
                ? moments.adamW(AdamW.builder().optLearningRateTracker(learningRate)
                        .optBeta1((float) settings.beta1()).optBeta2((float) settings.beta2())
                        .optEpsilon((float) settings.epsilon()).optWeightDecays((float) settings.weightDecay())
                        .optBeginNumUpdate(firstUpdate))
                : moments.adam(Adam.builder().optLearningRateTracker(learningRate)
                        .optBeta1((float) settings.beta1()).optBeta2((float) settings.beta2())
                        .optEpsilon((float) settings.epsilon()).optWeightDecays((float) settings.weightDecay())
                        .optBeginNumUpdate(firstUpdate));
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
    }
}
