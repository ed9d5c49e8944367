package io.github.lrabench.runner;

/**
 * The three splits of one trial. Model selection uses {@code validation} only; {@code test} is scored at the
 * best-validation step and at the final step.
 *
 * @param train the training split
 * @param validation the validation split
 * @param test the test split
 * @param description where the data came from, for provenance
 */
public record TrialData(LabeledSequences train, LabeledSequences validation, LabeledSequences test,
        String description) {}
