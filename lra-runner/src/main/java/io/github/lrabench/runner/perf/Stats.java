package io.github.lrabench.runner.perf;

import java.util.Arrays;

/**
 * A summary of repeated measurements: median, quartiles and range.
 *
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 * @param q1 the first quartile (linear interpolation)
 * @param q3 the third quartile (linear interpolation)
 * @param n the number of measurements
 */
public record Stats(double median, double min, double max, double q1, double q3, int n) {

    /**
     * Summarises measurements.
     *
     * @param values at least one value
     * @return the summary
     * @throws IllegalArgumentException when there is no value
     */
    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(quantile(sorted, 0.5), sorted[0], sorted[sorted.length - 1], quantile(sorted, 0.25),
                quantile(sorted, 0.75), sorted.length);
    }

    /**
     * Applies a function to every figure (e.g. turn seconds per step into samples per second); a decreasing
     * function swaps min and max and the quartiles.
     *
     * @param f a monotone function
     * @return the transformed summary
     */
    public Stats map(java.util.function.DoubleUnaryOperator f) {
        double a = f.applyAsDouble(min);
        double b = f.applyAsDouble(max);
        double c = f.applyAsDouble(q1);
        double d = f.applyAsDouble(q3);
        return new Stats(f.applyAsDouble(median), Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d), n);
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
