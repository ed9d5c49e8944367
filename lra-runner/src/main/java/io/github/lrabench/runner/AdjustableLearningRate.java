package io.github.lrabench.runner;

import ai.djl.training.tracker.Tracker;

/**
 * The learning-rate tracker a trial's optimizer holds: it follows the trial's current {@link LearningRateSchedule},
 * which a re-planned schedule replaces once at its first evaluation (the optimizer is built once per attempt).
 */
final class AdjustableLearningRate implements Tracker {

    private LearningRateSchedule current;

    AdjustableLearningRate(LearningRateSchedule initial) {
        this.current = initial;
    }

    /** Replaces the schedule the rate follows from the next step on. */
    void follow(LearningRateSchedule schedule) {
        this.current = schedule;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return current.getNewValue(numUpdate);
    }
}
