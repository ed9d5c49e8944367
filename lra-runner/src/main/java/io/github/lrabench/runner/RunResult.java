package io.github.lrabench.runner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.lrabench.api.PaperResult;
import java.util.List;

/**
 * What one trial ({@code result.json}) records. Accuracies are fractions in [0, 1]; nullable fields are null when
 * the trial did not get that far.
 *
 * @param schemaVersion the version of this layout
 * @param trial the trial: model, protocol, profile, seed
 * @param family the provider's family
 * @param variant the model hyperparameter variant
 * @param protocolVersion the protocol's version
 * @param status {@code completed} or {@code failed}
 * @param failureReason why it failed; empty when completed
 * @param notes remarks (budget stop, checkpoint restarts), possibly empty
 * @param parameters trainable parameter count, or null when the model could not be built
 * @param forwardFlopsPerSample the provider's forward FLOPs per sequence, or null when unknown
 * @param stepsCompleted optimiser steps done
 * @param stepsPlanned optimiser steps planned
 * @param budgetMinutes the wall-clock budget
 * @param stoppedByBudget whether the budget ended training before the planned steps
 * @param schedule the schedule trained under: steps, evaluation cadence, warmup, and for a budget schedule the
 *     calibration it was sized from; null in results written before it was recorded
 * @param trainSamplesPerSecond training throughput (forward, backward, update; evaluation excluded) per second of the
 *     budget's clock: per CPU-second under {@code budget-clock = cpu}, which other work on the machine does not dilute
 * @param peakMemoryBytes the process's peak resident memory
 * @param wallSeconds wall-clock seconds of the whole trial, across resumes
 * @param bestStep the step with the best validation accuracy
 * @param bestValidationAccuracy the best validation accuracy
 * @param testAccuracyAtBest test accuracy of the parameters at {@code bestStep} (the headline number)
 * @param finalValidationAccuracy validation accuracy at the last step
 * @param testAccuracyFinal test accuracy of the final parameters
 * @param curve every evaluation, in step order
 * @param paper the provider's published result, or null
 * @param provenance where the result came from
 * @param samples training samples seen and the sizes of the three splits; null in results written before they were
 *     recorded (their summary rows show no epochs and no test-set term in the interval)
 */
public record RunResult(int schemaVersion, TrialSpec trial, String family, String variant, int protocolVersion,
        String status, String failureReason, List<String> notes, Long parameters, Long forwardFlopsPerSample,
        int stepsCompleted, int stepsPlanned, double budgetMinutes, boolean stoppedByBudget, TrainingSchedule schedule,
        double trainSamplesPerSecond, long peakMemoryBytes, double wallSeconds, Integer bestStep,
        Double bestValidationAccuracy, Double testAccuracyAtBest, Double finalValidationAccuracy,
        Double testAccuracyFinal, List<EvalPoint> curve, PaperResult paper, Provenance provenance,
        SampleCounts samples) {

    /** The current {@link #schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    /** Status of a trial that ran to its planned steps or its budget. */
    public static final String COMPLETED = "completed";

    /** Status of a trial that could not be built, diverged, or never reached an evaluation. */
    public static final String FAILED = "failed";

    /**
     * Returns the seconds of the trial's budget clock ({@code training.budget-clock}) at its last evaluation, or the
     * wall-clock seconds for a trial without an evaluation or written before the clock was recorded.
     *
     * @return the seconds
     */
    public double budgetClockSeconds() {
        return curve.isEmpty() || curve.get(curve.size() - 1).budgetSeconds() == null ? wallSeconds
                : Math.max(curve.get(curve.size() - 1).budgetSeconds(), 0);
    }

    /**
     * Returns whether the trial completed.
     *
     * @return true for {@link #COMPLETED}
     */
    @JsonIgnore
    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    /**
     * Returns this result with another provenance.
     *
     * @param other the provenance
     * @return the copy
     */
    public RunResult withProvenance(Provenance other) {
        return new RunResult(schemaVersion, trial, family, variant, protocolVersion, status, failureReason, notes,
                parameters, forwardFlopsPerSample, stepsCompleted, stepsPlanned, budgetMinutes, stoppedByBudget,
                schedule, trainSamplesPerSecond, peakMemoryBytes, wallSeconds, bestStep, bestValidationAccuracy,
                testAccuracyAtBest, finalValidationAccuracy, testAccuracyFinal, curve, paper, other, samples);
    }
}
