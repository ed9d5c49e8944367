package io.github.lrabench.runner;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Says whether a sequence model's row is above the {@code linear} reference row of its protocol and profile beyond
 * the spread over seeds.
 *
 * <p>The rule ({@link #RULE}, printed in the summary): with at least two seeds on both rows, a model is
 * <em>above</em> when its mean − std exceeds linear's mean + std, <em>below</em> when its mean + std is under
 * linear's mean − std, and <em>within spread</em> otherwise (std: the sample standard deviation of test accuracy at
 * best validation over seeds). With one seed on either row there is no spread: the means are compared and the
 * verdict says {@code 1 seed}. Rows of family {@code reference} are marked as reference rows instead.
 */
final class LinearComparison {

    /** The family of reference rows. */
    static final String REFERENCE_FAMILY = "reference";

    /** The id of the reference row every sequence model is compared with. */
    static final String LINEAR = "linear";

    /** The rule as a sentence for the summary. */
    static final String RULE = "`vs linear`: whether a sequence model beats the `linear` reference row of the same"
            + " protocol and profile beyond the spread over seeds: `above` when its mean − std exceeds linear's"
            + " mean + std, `below` when its mean + std is under linear's mean − std, `within spread` otherwise;"
            + " with one seed on either row the means are compared and the verdict says `1 seed`. Rows of family"
            + " `reference` (bag-of-pixels, linear, cnn) are reference rows, not sequence models.";

    private LinearComparison() {}

    /**
     * Returns the verdict for a row.
     *
     * @param row the row
     * @param rows all rows of the summary (the linear row is looked up among them)
     * @return {@code reference row}, {@code above}, {@code below}, {@code within spread}, the same with {@code (1
     *     seed)}, or {@code -} when there is no completed linear row or the row has no accuracy
     */
    static String verdict(SummaryRow row, List<SummaryRow> rows) {
        if (REFERENCE_FAMILY.equals(row.family())) {
            return "reference row";
        }
        Optional<SummaryRow> linear = rows.stream()
                .filter(r -> LINEAR.equals(r.model()) && REFERENCE_FAMILY.equals(r.family()))
                .filter(r -> Objects.equals(r.protocol(), row.protocol()) && Objects.equals(r.profile(), row.profile()))
                .filter(r -> r.meanTestAtBest() != null)
                .findFirst();
        if (linear.isEmpty() || row.meanTestAtBest() == null) {
            return "-";
        }
        SummaryRow l = linear.get();
        double mean = row.meanTestAtBest();
        double linearMean = l.meanTestAtBest();
        if (row.seeds() < 2 || l.seeds() < 2) {
            String word = mean > linearMean ? "above" : mean < linearMean ? "below" : "equal";
            return String.format(Locale.ROOT, "%s (1 seed; linear %.2f%%)", word, linearMean);
        }
        String word;
        if (mean - row.stdTestAtBest() > linearMean + l.stdTestAtBest()) {
            word = "above";
        } else if (mean + row.stdTestAtBest() < linearMean - l.stdTestAtBest()) {
            word = "below";
        } else {
            word = "within spread";
        }
        return String.format(Locale.ROOT, "%s (linear %.2f ± %.2f%%)", word, linearMean, l.stdTestAtBest());
    }
}
