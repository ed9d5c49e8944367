package io.github.lrabench.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LipschitzRNN's matrices, its two solvers against hand computation, its layouts, sizes and configuration. */
class LipschitzRnnTest {

    private static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);
    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);

    private static final double[][] FREE_A = {{0.3, -0.2}, {0.5, 0.1}};
    private static final double[][] FREE_W = {{-0.4, 0.25}, {0.15, 0.2}};
    private static final double BETA = 0.75;
    private static final double GAMMA = 0.1;
    private static final double EPS = 0.2;
    /** Two sequences (batch 2): initial states and the input u_0 = U x_0 + b of their one step. */
    private static final double[][] H0 = {{0.5, -1.0}, {-0.3, 0.8}};
    private static final double[][] U0 = {{0.3, -0.7}, {1.2, 0.4}};

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void matricesHaveTheSymmetricAndAntisymmetricPartsOfTheFormula(String engine) {
        int n = 5;
        float beta = 0.7f;
        float gamma = 0.05f;
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            java.util.Random random = new java.util.Random(3);
            float[] free = new float[n * n];
            for (int i = 0; i < free.length; i++) {
                free[i] = (float) random.nextGaussian();
            }
            NDArray m = manager.create(free, new Shape(n, n));
            float[] a = LipschitzMatrices.build(manager.zeros(new Shape(1)), m, beta, gamma).toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double mij = free[i * n + j];
                    double mji = free[j * n + i];
                    double symmetric = (a[i * n + j] + a[j * n + i]) / 2;
                    double antisymmetric = (a[i * n + j] - a[j * n + i]) / 2;
                    double expectedSymmetric = (1 - beta) * (mij + mji) - (i == j ? gamma : 0);
                    double expectedAntisymmetric = beta * (mij - mji);
                    assertThat(symmetric).as("symmetric part [%d][%d]", i, j)
                            .isCloseTo(expectedSymmetric, within(1e-5));
                    assertThat(antisymmetric).as("antisymmetric part [%d][%d]", i, j)
                            .isCloseTo(expectedAntisymmetric, within(1e-5));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void oneEulerStepEqualsTheHandComputation(String engine) {
        double[][] expected = new double[2][];
        for (int b = 0; b < 2; b++) {
            expected[b] = add(H0[b], scale(EPS, f(H0[b], U0[b])));
        }
        assertFloatsClose(oneStep(engine, OdeSolver.EULER), flatten(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void oneMidpointStepEqualsTheHandComputation(String engine) {
        double[][] expected = new double[2][];
        for (int b = 0; b < 2; b++) {
            double[] mid = add(H0[b], scale(EPS / 2, f(H0[b], U0[b])));
            expected[b] = add(H0[b], scale(EPS, f(mid, U0[b])));
        }
        assertFloatsClose(oneStep(engine, OdeSolver.MIDPOINT), flatten(expected));
    }

    @Test
    void twoEulerStepsUseTheirOwnInputsInOrder() {
        double[] u1 = {-0.6, 0.9};
        double[] h1 = add(H0[0], scale(EPS, f(H0[0], U0[0])));
        double[] h2 = add(h1, scale(EPS, f(h1, u1)));
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray inputs = manager.create(new float[] {(float) U0[0][0], (float) U0[0][1], (float) u1[0],
                (float) u1[1]}, new Shape(1, 2, 2));
            NDArray h0 = manager.create(new float[] {(float) H0[0][0], (float) H0[0][1]}, new Shape(1, 2));
            assertFloatsClose(run(manager, OdeSolver.EULER, inputs, h0), h2);
        }
    }

    /** Runs the module's matrices and recurrence on the 2×2 case, one step, batch 2. */
    private static float[] oneStep(String engine, OdeSolver solver) {
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            NDArray inputs = manager.create(toFloats(flatten(U0)), new Shape(2, 1, 2));
            NDArray h0 = manager.create(toFloats(flatten(H0)), new Shape(2, 2));
            return run(manager, solver, inputs, h0);
        }
    }

    private static float[] run(NDManager manager, OdeSolver solver, NDArray inputs, NDArray h0) {
        NDArray a = LipschitzMatrices.build(inputs, manager.create(toFloats(flatten(FREE_A)), new Shape(2, 2)),
                (float) BETA, (float) GAMMA);
        NDArray w = LipschitzMatrices.build(inputs, manager.create(toFloats(flatten(FREE_W)), new Shape(2, 2)),
                (float) BETA, (float) GAMMA);
        return new LipschitzRecurrence(solver, (float) EPS).run(inputs, h0, a, w).toFloatArray();
    }

    /** f(h) = A_β h + tanh(W_β h + u), column vectors, in plain doubles. */
    private static double[] f(double[] h, double[] u) {
        double[][] a = matrix(FREE_A);
        double[][] w = matrix(FREE_W);
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            double ah = a[i][0] * h[0] + a[i][1] * h[1];
            double wh = w[i][0] * h[0] + w[i][1] * h[1];
            out[i] = ah + Math.tanh(wh + u[i]);
        }
        return out;
    }

    /** A_β = (1 - β)(M + Mᵀ) + β(M - Mᵀ) - γ I, in plain doubles. */
    private static double[][] matrix(double[][] m) {
        double[][] a = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                a[i][j] = (1 - BETA) * (m[i][j] + m[j][i]) + BETA * (m[i][j] - m[j][i]) - (i == j ? GAMMA : 0);
            }
        }
        return a;
    }

    private static double[] add(double[] x, double[] y) {
        return new double[] {x[0] + y[0], x[1] + y[1]};
    }

    private static double[] scale(double factor, double[] x) {
        return new double[] {factor * x[0], factor * x[1]};
    }

    private static double[] flatten(double[][] rows) {
        double[] flat = new double[rows.length * 2];
        for (int r = 0; r < rows.length; r++) {
            flat[2 * r] = rows[r][0];
            flat[2 * r + 1] = rows[r][1];
        }
        return flat;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static void assertFloatsClose(float[] actual, double[] expected) {
        assertThat(actual).containsExactly(toFloats(expected), within(1e-5f));
    }

    @Test
    void handComputationIsNotTrivial() {
        // guards the two tests above: Euler and midpoint differ, and both move the state
        double[] euler = add(H0[0], scale(EPS, f(H0[0], U0[0])));
        double[] mid = add(H0[0], scale(EPS / 2, f(H0[0], U0[0])));
        double[] midpoint = add(H0[0], scale(EPS, f(mid, U0[0])));
        assertThat(Math.abs(euler[0] - midpoint[0]) + Math.abs(euler[1] - midpoint[1])).isGreaterThan(1e-3);
        assertThat(Math.abs(euler[0] - H0[0][0])).isGreaterThan(1e-2);
    }

    @Test
    void channelMajorLayoutReadsTheColourPlanesAsTheReferenceDoes() {
        TaskSpec task = new TaskSpec("tiny", 4, 3, 0, 10);
        Config config = TestModels.config(LipschitzRnnProvider.ID, "input-layout = channel-major");
        LipschitzRnnBlock block = new LipschitzRnnBlock(task, LipschitzRnnConfig.from(config));
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            // pixel t, channel c holds 3t + c
            NDArray x = manager.arange(0f, 12f).reshape(1, 4, 3);
            assertThat(block.arrange(x).toFloatArray())
                    .containsExactly(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11);
        }
        LipschitzRnnBlock standard = new LipschitzRnnBlock(task,
                LipschitzRnnConfig.from(TestModels.config(LipschitzRnnProvider.ID, "input-layout = pixel")));
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray x = manager.arange(0f, 12f).reshape(1, 4, 3);
            assertThat(standard.arrange(x).toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    @Test
    void invalidValuesAreReportedTogetherByKey() {
        Config config = TestModels.config(LipschitzRnnProvider.ID,
                "hidden-size = 0\nbeta = 1.5\nsolver = rk4\nstep-size = 0\ngamma = -1\ninput-layout = planar");
        assertThatThrownBy(() -> new LipschitzRnnProvider().create(SCIFAR, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.lipschitzrnn.hidden-size must be >= 1 but was 0")
                .hasMessageContaining("lra.models.lipschitzrnn.beta must lie in [0.0, 1.0] but was 1.5")
                .hasMessageContaining("lra.models.lipschitzrnn.solver must be one of [euler, midpoint] but was 'rk4'")
                .hasMessageContaining("lra.models.lipschitzrnn.step-size must be > 0 but was 0")
                .hasMessageContaining("lra.models.lipschitzrnn.gamma must be >= 0.0 but was -1")
                .hasMessageContaining("lra.models.lipschitzrnn.input-layout must be one of [pixel, channel-major]");
    }

    @Test
    void paperConfigurationHasThePaperParameterCountPlusTheEmbedding() {
        LipschitzRnnConfig paper = LipschitzRnnConfig.from(TestModels.variant(LipschitzRnnProvider.ID, "paper"));
        long embedding = 3 * 3 + 3 + 1024 * 3;
        assertThat(paper.parameterCount(SCIFAR) - embedding).as("models.md §3.3: 134,666").isEqualTo(134_666);
    }

    @Test
    void flopsFollowTheFormulaOfTheActualConfiguration() {
        LipschitzRnnConfig paper = LipschitzRnnConfig.from(TestModels.variant(LipschitzRnnProvider.ID, "paper"));
        long n = 256;
        long expected = 2L * 1024 * 3 * 3 + 1024 * (4 * n * n + 2 * 3 * n) + 2 * n * 10;
        assertThat(paper.forwardFlops(SCIFAR)).isEqualTo(expected);
        assertThat(expected / 1e9).as("GFLOP, models.md §3.4 ≈ 0.27").isBetween(0.26, 0.28);
        LipschitzRnnConfig rk2 = LipschitzRnnConfig.from(ConfigFactory.parseString("solver = midpoint")
                .withFallback(TestModels.variant(LipschitzRnnProvider.ID, "paper")));
        assertThat(rk2.forwardFlops(SCIFAR) - paper.forwardFlops(SCIFAR)).isEqualTo(1024 * 4 * n * n);
        assertThat(new LipschitzRnnProvider().create(SCIFAR, TestModels.variant(LipschitzRnnProvider.ID, "paper"))
                        .forwardFlopsPerSample())
                .hasValue(expected);
    }

    @Test
    void bothVariantsBuildForBothProtocolsAndMatchTheirFormula() {
        for (String variant : new String[] {"paper", "cpu"}) {
            for (TaskSpec task : new TaskSpec[] {SCIFAR, LRA_IMAGE}) {
                LipschitzRnnConfig settings = LipschitzRnnConfig.from(TestModels.variant(LipschitzRnnProvider.ID,
                        variant));
                LipschitzRnnBlock block = new LipschitzRnnBlock(task, settings);
                try (Model model = TestModels.model(block, task.inputShape(1), "PyTorch", 1)) {
                    long count = TestModels.parameterCount(model.getBlock());
                    assertThat(count).as("%s on %s", variant, task.name()).isEqualTo(settings.parameterCount(task));
                    System.out.printf("lipschitzrnn %s on %s: %,d parameters, %,d forward FLOPs per sample%n",
                            variant, task.name(), count, settings.forwardFlops(task));
                }
            }
        }
    }
}
