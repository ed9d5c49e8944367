package io.github.lrabench.runner;

/**
 * One evaluation on the validation split.
 *
 * @param step optimiser steps completed
 * @param elapsedSeconds training wall-clock seconds so far (evaluation time included)
 * @param trainLoss mean training loss since the previous evaluation
 * @param trainAccuracy mean training-batch accuracy since the previous evaluation, in [0, 1]
 * @param validationAccuracy validation accuracy, in [0, 1]
 * @param learningRate the learning rate at this step
 * @param budgetSeconds seconds of the budget's clock ({@code training.budget-clock}) spent so far, evaluation time
 *     included; equal to the wall-clock seconds under the wall clock; null in results written before it was recorded
 */
public record EvalPoint(int step, double elapsedSeconds, double trainLoss, double trainAccuracy,
        double validationAccuracy, double learningRate, Double budgetSeconds) {

    /**
     * Returns the seconds of the trial's budget clock at this evaluation: {@link #budgetSeconds} where recorded,
     * else the wall-clock {@link #elapsedSeconds} (results written before the clock was recorded all counted their
     * budget on the wall clock).
     *
     * @return the seconds
     */
    public double clockSeconds() {
        return budgetSeconds != null ? budgetSeconds : elapsedSeconds;
    }
}
