package io.github.lrabench.runner;

/**
 * The three splits of one trial. Model selection uses {@code validation} only; {@code test} is scored at the
 * best-validation step and at the final step.
 *
 * @param train the training split
 * @param validation the validation split
 * @param test the test split
 * @param description where the data came from, for provenance
 * @param classNames the class names in label order
 */
public record TrialData(LabeledSequences train, LabeledSequences validation, LabeledSequences test,
        String description, java.util.List<String> classNames) {

    /** Copies the class names. */
    public TrialData {
        classNames = java.util.List.copyOf(classNames);
    }
}
