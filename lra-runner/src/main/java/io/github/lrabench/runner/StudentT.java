package io.github.lrabench.runner;

/** The two-sided 95% quantile of Student's t distribution, for intervals over a few seeds. */
final class StudentT {

    /** t_{0.975, df} for df = 1..30 (four decimals, as in printed tables). */
    private static final double[] QUANTILE_975 = {12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060,
        2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796,
        2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423};

    /** The standard normal's 0.975 quantile. */
    static final double Z_975 = 1.959964;

    private StudentT() {}

    /**
     * Returns t_{0.975, df}: from the table up to 30 degrees of freedom, beyond it from the Cornish–Fisher expansion
     * around the normal quantile (three terms; off by less than 1e-5 there).
     *
     * @param degreesOfFreedom at least 1
     * @return the quantile
     */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= QUANTILE_975.length) {
            return QUANTILE_975[degreesOfFreedom - 1];
        }
        double z = Z_975;
        double v = degreesOfFreedom;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }
}
