package io.github.lrabench.runner;

import java.util.List;
import java.util.Optional;

/**
 * A 95% interval around a summary row's mean test accuracy (percent), combining two independent sources of error.
 *
 * <ul>
 *   <li><em>Seed to seed</em>: with n ≥ 2 seeds, the Student-t half-width over the seeds' accuracies,
 *       {@code t(0.975, n−1) · s / √n} (s: their sample standard deviation); 0 with one seed.
 *   <li><em>Test-set sampling</em>: the test split is a finite sample of N sequences, so even a perfectly repeated
 *       training run measures its accuracy p with the binomial standard error √(p(1−p)/N); its half-width is
 *       {@code 1.96 · √(p(1−p)/N)} (normal approximation, p the mean accuracy as a fraction). Every seed is scored
 *       on the same test split, so this error does not shrink with more seeds and is not part of s. It exists with
 *       one seed too.
 * </ul>
 *
 * <p>The interval is {@code mean ± √(seed² + test²)}: the root sum of squares of the two half-widths, as for the
 * sum of two independent errors. Results written before the test-set size was recorded have no test term; with two
 * or more seeds their interval is the seed term alone ({@link #testHalfWidth()} null), with one seed there is none.
 *
 * @param mean the mean test accuracy over the seeds, percent
 * @param halfWidth the half-width of the interval, percent
 * @param seedHalfWidth the seed-to-seed half-width (0 with one seed), percent
 * @param testHalfWidth the test-set half-width, percent, or null when no seed recorded the test-set size
 * @param seeds the number of seeds n
 * @param testSize the test-set size N (the smallest any seed recorded), or null
 */
public record AccuracyInterval(double mean, double halfWidth, double seedHalfWidth, Double testHalfWidth, int seeds,
        Integer testSize) {

    /** The rule as a sentence for the summary. */
    static final String RULE = "95% interval: mean ± √(a² + b²), with a = t(0.975, n−1) · std / √n over the n seeds"
            + " (0 with one seed) and b = 1.96 · √(p(1−p)/N), the binomial sampling error of the test set (p the"
            + " mean accuracy, N the test sequences each seed was scored on); the two errors are independent (every"
            + " seed is scored on the same test set, so b is not part of the seeds' spread and stays with one"
            + " seed). `†`: the result files do not record N (written before it was), so the interval is the seed term a alone,"
            + " and one such seed has none (`-`).";

    /**
     * Computes the interval of some seeds' accuracies.
     *
     * @param accuracies the seeds' test accuracies, percent
     * @param testSize the test-set size, or null when not recorded
     * @return the interval, or empty with no seeds, or with one seed and no test-set size
     * @throws IllegalArgumentException when the test-set size is not positive
     */
    static Optional<AccuracyInterval> of(List<Double> accuracies, Integer testSize) {
        if (testSize != null && testSize <= 0) {
            throw new IllegalArgumentException("the test-set size must be positive, got " + testSize);
        }
        int n = accuracies.size();
        if (n == 0 || (n == 1 && testSize == null)) {
            return Optional.empty();
        }
        double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double seedHalfWidth = 0;
        if (n >= 2) {
            double squares = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
            double std = Math.sqrt(squares / (n - 1));
            seedHalfWidth = StudentT.quantile975(n - 1) * std / Math.sqrt(n);
        }
        Double testHalfWidth = null;
        if (testSize != null) {
            double p = Math.min(1, Math.max(0, mean / 100));
            testHalfWidth = 100 * StudentT.Z_975 * Math.sqrt(p * (1 - p) / testSize);
        }
        double test = testHalfWidth == null ? 0 : testHalfWidth;
        return Optional.of(new AccuracyInterval(mean, Math.sqrt(seedHalfWidth * seedHalfWidth + test * test),
                seedHalfWidth, testHalfWidth, n, testSize));
    }

    /** Returns the lower end, percent. */
    public double low() {
        return mean - halfWidth;
    }

    /** Returns the upper end, percent. */
    public double high() {
        return mean + halfWidth;
    }

    /** Returns whether the test-set term is part of the interval. */
    public boolean hasTestTerm() {
        return testHalfWidth != null;
    }
}
