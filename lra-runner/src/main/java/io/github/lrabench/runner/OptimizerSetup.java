package io.github.lrabench.runner;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.lrabench.api.ParameterGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The training configuration of the shared loop: softmax cross-entropy and Adam or AdamW as the settings say, with
 * the classifier's {@link ParameterGroup parameter groups} (if it declares any) trained at their own learning rate
 * and with weight decay on or off.
 */
final class OptimizerSetup {

    private OptimizerSetup() {}

    /**
     * Builds the training configuration.
     *
     * @param settings optimiser settings
     * @param learningRate the learning-rate tracker of the run (its peak is {@code settings.learningRate()})
     * @param moments the moment estimates the optimisers read and restore
     * @param firstUpdate the update count the optimisers start from (a resumed trial's step)
     * @param groups the classifier's parameter groups, resolved against its block
     * @return the configuration
     */
    static DefaultTrainingConfig trainingConfig(TrainingSettings settings, Tracker learningRate, AdamMoments moments,
            int firstUpdate, ParameterGroupAssignment groups) {
        Optimizer others = optimizer(settings, learningRate, settings.weightDecay(), moments, firstUpdate);
        if (groups.groups().isEmpty()) {
            return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(others);
        }
        List<Optimizer> perGroup = new ArrayList<>();
        for (ParameterGroup group : groups.groups()) {
            Tracker rate = group.learningRate().isPresent()
                    ? scaled(learningRate, group.learningRate().getAsDouble(), settings.learningRate())
                    : learningRate;
            perGroup.add(optimizer(settings, rate, group.weightDecay() ? settings.weightDecay() : 0, moments,
                    firstUpdate));
        }
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(new GroupedOptimizer(others, perGroup, groups));
    }

    /**
     * Returns the run's schedule scaled so that its peak becomes a group's rate: same warmup, same cosine, final
     * value scaled alike. A run whose peak is 0 gives the group 0 as well.
     */
    static Tracker scaled(Tracker runSchedule, double groupPeak, double runPeak) {
        double ratio = runPeak > 0 ? groupPeak / runPeak : 0;
        return step -> (float) (runSchedule.getNewValue(step) * ratio);
    }

    private static Optimizer optimizer(TrainingSettings settings, Tracker learningRate, double weightDecay,
            AdamMoments moments, int firstUpdate) {
        return "adamw".equals(settings.optimizer())
                ? moments.adamW(AdamW.builder().optLearningRateTracker(learningRate)
                        .optBeta1((float) settings.beta1()).optBeta2((float) settings.beta2())
                        .optEpsilon((float) settings.epsilon()).optWeightDecays((float) weightDecay)
                        .optBeginNumUpdate(firstUpdate))
                : moments.adam(Adam.builder().optLearningRateTracker(learningRate)
                        .optBeta1((float) settings.beta1()).optBeta2((float) settings.beta2())
                        .optEpsilon((float) settings.epsilon()).optWeightDecays((float) weightDecay)
                        .optBeginNumUpdate(firstUpdate));
    }
}
