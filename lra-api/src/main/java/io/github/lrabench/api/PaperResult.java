package io.github.lrabench.api;

/**
 * A published accuracy and the task it was measured on.
 *
 * @param accuracy test accuracy in percent, e.g. {@code 38.67}
 * @param taskVariant the task the number refers to, e.g. {@code "LRA Image (grey tokens)"}; published numbers are
 *     not all on the same task
 * @param citation where the number comes from
 */
public record PaperResult(double accuracy, String taskVariant, String citation) {

    /** Validates the components. */
    public PaperResult {
        if (!(accuracy >= 0 && accuracy <= 100)) {
            throw new IllegalArgumentException("accuracy must lie in [0, 100] percent but was " + accuracy);
        }
        if (taskVariant == null || taskVariant.isBlank()) {
            throw new IllegalArgumentException("taskVariant must not be blank");
        }
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("citation must not be blank");
        }
    }
}
