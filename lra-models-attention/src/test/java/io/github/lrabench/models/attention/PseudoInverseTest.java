package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.TestSupport.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The iterative pseudo-inverse converges to the inverse of well-conditioned row-stochastic matrices. */
class PseudoInverseTest {

    private static final int N = 6;
    private static final int MATRICES = 4;

    @ParameterizedTest
    @CsvSource({"PyTorch, ORIGINAL", "PyTorch, PER_MATRIX", "MXNet, ORIGINAL", "MXNet, PER_MATRIX"})
    void convergesToTheInverse(String engine, PseudoInverse.Init init) {
        double[][][] matrices = new double[MATRICES][][];
        float[] flat = new float[MATRICES * N * N];
        for (int m = 0; m < MATRICES; m++) {
            matrices[m] = wellConditionedStochastic(new Random(m));
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    flat[(m * N + r) * N + c] = (float) matrices[m][r][c];
                }
            }
        }
        try (NDManager manager = TestSupport.manager(engine)) {
            NDArray a = array(manager, flat, 2, 2, N, N);
            float[] oneStep = PseudoInverse.iterate(a, 1, init).toFloatArray();
            float[] converged = PseudoInverse.iterate(a, 8, init).toFloatArray();
            double errorAfterOne = 0;
            double errorConverged = 0;
            for (int m = 0; m < MATRICES; m++) {
                double[][] inverse = invert(matrices[m]);
                for (int r = 0; r < N; r++) {
                    for (int c = 0; c < N; c++) {
                        int at = (m * N + r) * N + c;
                        errorAfterOne = Math.max(errorAfterOne, Math.abs(oneStep[at] - inverse[r][c]));
                        errorConverged = Math.max(errorConverged, Math.abs(converged[at] - inverse[r][c]));
                    }
                }
            }
            assertThat(errorAfterOne).as("error after one iteration").isGreaterThan(1e-2);
            assertThat(errorConverged).as("error after eight iterations").isLessThan(1e-4);
        }
    }

    @Test
    void originalStartUsesOneScaleForTheWholeBatch() {
        // two row-stochastic matrices: the identity (largest column sum 1) and one whose first column sums to 2
        float[] a = {1, 0, 0, 1, /* second */ 1, 0, 1, 0};
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            NDArray matrices = array(manager, a, 2, 2, 2);
            float[] original = PseudoInverse.iterate(matrices, 0, PseudoInverse.Init.ORIGINAL).toFloatArray();
            float[] perMatrix = PseudoInverse.iterate(matrices, 0, PseudoInverse.Init.PER_MATRIX).toFloatArray();
            // Z0 = A^T / c: the identity is divided by 2 (global) or by 1 (its own)
            assertThat(original).containsExactly(new float[] {0.5f, 0, 0, 0.5f, 0.5f, 0.5f, 0, 0}, within(1e-7f));
            assertThat(perMatrix).containsExactly(new float[] {1, 0, 0, 1, 0.5f, 0.5f, 0, 0}, within(1e-7f));
        }
    }

    @Test
    void refusesNonSquareMatrices() {
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            NDArray a = manager.ones(new ai.djl.ndarray.types.Shape(2, 3));
            assertThatThrownBy(() -> PseudoInverse.iterate(a, 6, PseudoInverse.Init.ORIGINAL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("square");
        }
    }

    /** A row-stochastic matrix with a dominant diagonal: 0.5 on the diagonal, the rest spread at random. */
    private static double[][] wellConditionedStochastic(Random random) {
        double[][] a = new double[N][N];
        for (int r = 0; r < N; r++) {
            double rest = 0;
            for (int c = 0; c < N; c++) {
                a[r][c] = c == r ? 0 : random.nextDouble();
                rest += a[r][c];
            }
            for (int c = 0; c < N; c++) {
                a[r][c] = c == r ? 0.5 : 0.5 * a[r][c] / rest;
            }
        }
        return a;
    }

    /** Gauss-Jordan elimination with partial pivoting. */
    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] work = new double[n][2 * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(matrix[r], 0, work[r], 0, n);
            work[r][n + r] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(work[r][col]) > Math.abs(work[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = work[col];
            work[col] = work[pivot];
            work[pivot] = swap;
            double scale = work[col][col];
            for (int c = 0; c < 2 * n; c++) {
                work[col][c] /= scale;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = work[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        work[r][c] -= factor * work[col][c];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(work[r], n, inverse[r], 0, n);
        }
        return inverse;
    }
}
