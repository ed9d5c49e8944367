package io.github.lrabench.runner;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Says whether a sequence model's row is above the {@code linear} reference row of its protocol and profile beyond
 * the 95% intervals of both.
 *
 * <p>The rule ({@link #RULE}, printed in the summary): with the {@link AccuracyInterval}s of both rows, a model is
 * <em>above</em> when its interval lies wholly above linear's (its low end over linear's high end), <em>below</em>
 * when wholly below, and <em>within interval</em> when the two overlap. Non-overlapping 95% intervals is the
 * cautious reading: two rows can differ beyond chance and still overlap a little, never the reverse. The verdict
 * says {@code 1 seed} when either row has one seed (its interval is the test-set term alone), and {@code no
 * interval} with the means when either row has none. Rows of family {@code reference} are marked as reference rows
 * instead.
 */
final class LinearComparison {

    /** The family of reference rows. */
    static final String REFERENCE_FAMILY = "reference";

    /** The id of the reference row every sequence model is compared with. */
    static final String LINEAR = "linear";

    /** The rule as a sentence for the summary. */
    static final String RULE = "`vs linear`: whether a sequence model beats the `linear` reference row of the same"
            + " protocol and profile beyond the 95% intervals: `above` when its interval lies wholly above linear's"
            + " (its low end over linear's high end), `below` when wholly below, `within interval` when the two"
            + " overlap (non-overlapping intervals: the cautious reading); `1 seed` when either row has one seed (its"
            + " interval is then the test-set error alone), `no interval` (with the means) when either row has no"
            + " interval. Rows of family `reference` (bag-of-pixels, linear, cnn) are reference rows, not sequence"
            + " models.";

    private LinearComparison() {}

    /**
     * Returns the verdict for a row.
     *
     * @param row the row
     * @param rows all rows of the summary (the linear row is looked up among them)
     * @return {@code reference row}; {@code above}, {@code below} or {@code within interval} followed by linear's
     *     interval (and {@code 1 seed} when either row has one seed); {@code no interval} with linear's mean when
     *     either row has no interval; or {@code -} when there is no completed linear row or the row has no accuracy
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
        AccuracyInterval mine = row.interval();
        AccuracyInterval theirs = l.interval();
        if (mine == null || theirs == null) {
            double mean = row.meanTestAtBest();
            double linearMean = l.meanTestAtBest();
            String word = mean > linearMean ? "above" : mean < linearMean ? "below" : "equal";
            return String.format(Locale.ROOT, "no interval (mean %s linear's %.2f%%)", word, linearMean);
        }
        String word;
        if (mine.low() > theirs.high()) {
            word = "above";
        } else if (mine.high() < theirs.low()) {
            word = "below";
        } else {
            word = "within interval";
        }
        String oneSeed = mine.seeds() < 2 || theirs.seeds() < 2 ? "1 seed; " : "";
        return String.format(Locale.ROOT, "%s (%slinear %.2f ± %.2f%%)", word, oneSeed, theirs.mean(),
                theirs.halfWidth());
    }
}
