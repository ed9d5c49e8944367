package io.github.lrabench.runner;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warmup from 0 to the peak, then a cosine from the peak to an explicit final value at the last step.
 *
 * @param peak the learning rate reached at the end of warmup
 * @param finalValue the learning rate at {@code totalSteps}
 * @param warmupSteps steps of linear warmup
 * @param totalSteps the last step
 */
public record LearningRateSchedule(float peak, float finalValue, int warmupSteps, int totalSteps) implements Tracker {

    @Override
    public float getNewValue(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        int decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return (float) (finalValue + (peak - finalValue) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
