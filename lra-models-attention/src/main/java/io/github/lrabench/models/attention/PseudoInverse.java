package io.github.lrabench.models.attention;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * The iterative Moore–Penrose pseudo-inverse of the Nyströmformer (Xiong et al. 2021, after Razavi et al. 2014):
 * {@code Z₀ = Aᵀ / c}, then {@code Z ← ¼·Z·(13I − AZ·(15I − AZ·(7I − AZ)))}. Only matrix products, so it runs on
 * every engine and back-propagates; the error {@code I − AZ} shrinks with third order once it is below 1.
 *
 * <p>{@code c} is the largest column sum of A. For the row-stochastic matrices of attention (row sums 1) that is
 * {@code ‖A‖₁·‖A‖∞}, the classic starting scale that guarantees convergence.
 */
public final class PseudoInverse {

    private PseudoInverse() {}

    /** How the starting scale {@code c} of {@code Z₀ = Aᵀ / c} is taken, the two options of the paper's code. */
    public enum Init {

        /**
         * One scalar for the whole batch: the largest column sum over every matrix of every example and head. The
         * default of the paper's code ({@code inv_coeff_init_option = "original"}).
         */
        ORIGINAL("original"),

        /** One scale per matrix: its own largest column sum. Recommended in the paper code's README. */
        PER_MATRIX("per-matrix");

        private final String configName;

        Init(String configName) {
            this.configName = configName;
        }

        /** Returns the name used in configuration files: {@code original} or {@code per-matrix}. */
        public String configName() {
            return configName;
        }

        /**
         * Returns the option with a configuration name.
         *
         * @param name {@code original} or {@code per-matrix} (case-insensitive)
         * @return the option, or null when the name is unknown
         */
        static Init fromConfigName(String name) {
            for (Init init : values()) {
                if (init.configName.equals(name.toLowerCase(Locale.ROOT))) {
                    return init;
                }
            }
            return null;
        }
    }

    /**
     * Approximates the pseudo-inverse of each square matrix in the last two axes.
     *
     * @param a matrices {@code (..., n, n)}; the identity is created in {@code a}'s manager
     * @param iterations the number of iterations (0 returns {@code Z₀})
     * @param init how {@code Z₀} is scaled
     * @return {@code Z ≈ A⁺}, the same shape as {@code a}
     */
    public static NDArray iterate(NDArray a, int iterations, Init init) {
        int rank = a.getShape().dimension();
        if (rank < 2 || a.getShape().get(rank - 1) != a.getShape().get(rank - 2)) {
            throw new IllegalArgumentException("the pseudo-inverse needs square matrices but got " + a.getShape());
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0 but was " + iterations);
        }
        NDArray columnSums = a.sum(new int[] {rank - 2});
        NDArray scale = init == Init.ORIGINAL
                ? columnSums.max()
                : columnSums.max(new int[] {rank - 2}, true).expandDims(rank - 1);
        NDArray z = a.swapAxes(rank - 2, rank - 1).div(scale);
        if (iterations == 0) {
            return z;
        }
        NDArray identity = a.getManager()
                .eye((int) a.getShape().get(rank - 1))
                .toType(a.getDataType(), false)
                .toDevice(a.getDevice(), false);
        NDArray seven = BatchOps.scale(identity, 7f);
        NDArray fifteen = BatchOps.scale(identity, 15f);
        NDArray thirteen = BatchOps.scale(identity, 13f);
        for (int i = 0; i < iterations; i++) {
            NDArray az = a.matMul(z);
            NDArray factor = seven.sub(az);
            factor = fifteen.sub(az.matMul(factor));
            factor = thirteen.sub(az.matMul(factor));
            z = BatchOps.scale(z, 0.25f).matMul(factor);
        }
        return z;
    }
}
