package io.github.lrabench.runner;

import java.util.List;

/**
 * The loop state saved with each checkpoint, so that a resumed trial continues where it stopped.
 *
 * @param step optimiser steps completed
 * @param wallSeconds wall-clock seconds spent so far (training and evaluation)
 * @param trainSeconds seconds of the budget's clock spent in training steps only
 * @param samplesTrained sequences trained on so far
 * @param bestStep the best-validation step so far, or null
 * @param bestValidationAccuracy the best validation accuracy so far, or null
 * @param curve the evaluations so far
 * @param notes remarks so far
 * @param startedAt when the trial first started, ISO-8601
 * @param resumeKey the trial's configuration as far as it decides the training (see
 *     {@link TrialRunner#resumeKey}); a resume under a different one is refused. Null in checkpoints written
 *     before it was recorded, which are not checked
 * @param parametersSha256 the SHA-256 of the saved parameter file, to detect a damaged checkpoint
 * @param optimizerSha256 the SHA-256 of the saved optimiser state, or null when none was saved
 * @param schedule the schedule the trial trains under (a resume continues it without recalibrating); null in
 *     checkpoints written before it was recorded
 * @param budgetSeconds seconds of the budget's clock spent so far; null in checkpoints written before it was
 *     recorded (their budget was wall-clock: {@code wallSeconds})
 */
public record TrialState(int step, double wallSeconds, double trainSeconds, long samplesTrained, Integer bestStep,
        Double bestValidationAccuracy, List<EvalPoint> curve, List<String> notes, String startedAt,
        String resumeKey, String parametersSha256, String optimizerSha256,
        TrainingSchedule schedule, Double budgetSeconds) {}
