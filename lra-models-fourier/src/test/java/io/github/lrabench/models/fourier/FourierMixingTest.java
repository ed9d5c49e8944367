package io.github.lrabench.models.fourier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The two mixing paths against a direct double-precision DFT, against each other, and their gradients. */
class FourierMixingTest {

    private static final String PYTORCH = "PyTorch";
    private static final String MXNET = "MXNet";

    @Test
    void fftAndDftPathsAgreeOnPyTorch() {
        try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            for (int[] size : new int[][] {{2, 17, 8}, {3, 33, 12}}) {
                Shape shape = new Shape(size[0], size[1], size[2]);
                double[] x = gaussian(shape, 11);
                NDArray input = manager.create(toFloat(x), shape);
                float[] fft = FourierMixing.viaFft(input).toFloatArray();
                float[] dft = dft(input, size[1], size[2]).toFloatArray();
                assertThat(maxAbsDifference(fft, dft)).as("FFT vs DFT path, shape %s", shape).isLessThan(1e-4);
                assertThat(maxAbsDifference(fft, toFloat(reference(x, size[0], size[1], size[2]))))
                        .as("FFT path vs direct DFT in double precision, shape %s", shape)
                        .isLessThan(1e-4);
            }
        }
    }

    @Test
    void dftPathOnMXNetMatchesTheDirectTransform() {
        try (NDManager manager = NDManager.newBaseManager(MXNET)) {
            Shape shape = new Shape(2, 17, 8);
            double[] x = gaussian(shape, 12);
            float[] dft = dft(manager.create(toFloat(x), shape), 17, 8).toFloatArray();
            assertThat(maxAbsDifference(dft, toFloat(reference(x, 2, 17, 8)))).isLessThan(1e-4);
        }
    }

    @Test
    void mixingIsTheRealPartNotTheImaginaryPartOrTheMagnitude() {
        // a single impulse at (1, 1): Y[j, k] = cos(2π(j/L + k/d)), which has negative entries
        try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            float[] x = new float[5 * 4];
            x[1 * 4 + 1] = 1f;
            float[] y = FourierMixing.viaFft(manager.create(x, new Shape(1, 5, 4))).toFloatArray();
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < 4; k++) {
                    double expected = Math.cos(2 * Math.PI * (j / 5.0 + k / 4.0));
                    assertThat((double) y[j * 4 + k]).as("Y[%d, %d]", j, k).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }

    @Test
    void fftGradientMatchesCentralFiniteDifferencesInFloat64() {
        try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            Shape shape = new Shape(1, 4, 3);
            double[] x = gaussian(shape, 21);
            NDArray weights = manager.create(gaussian(shape, 22), shape);
            UnaryOperator<NDArray> objective = in -> FourierMixing.viaFft(in).square().mul(weights).sum();

            NDArray input = manager.create(x, shape);
            input.setRequiresGradient(true);
            double[] autograd;
            try (GradientCollector collector = Engine.getEngine(PYTORCH).newGradientCollector()) {
                NDArray value = objective.apply(input);
                assertThat(value.getDataType()).isEqualTo(DataType.FLOAT64);
                collector.backward(value);
            }
            autograd = input.getGradient().toDoubleArray();

            double step = 1e-5;
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += step;
                minus[i] -= step;
                double numeric = (objective.apply(manager.create(plus, shape)).getDouble()
                        - objective.apply(manager.create(minus, shape)).getDouble()) / (2 * step);
                assertThat(autograd[i])
                        .as("d objective / d x[%d]", i)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void gradientOfAWeightedSumIsTheMixingOfTheWeightsOnBothPaths() {
        // the DFT matrices are symmetric, so d/dX Σ W ⊙ Re(F X F) = Re(F W F)
        Shape shape = new Shape(2, 9, 6);
        double[] w = gaussian(shape, 31);
        for (String engine : new String[] {PYTORCH, MXNET}) {
            for (boolean viaFft : new boolean[] {true, false}) {
                if (viaFft && engine.equals(MXNET)) {
                    continue;
                }
                try (NDManager manager = NDManager.newBaseManager(engine)) {
                    NDArray weights = manager.create(toFloat(w), shape);
                    NDArray input = manager.create(toFloat(gaussian(shape, 32)), shape);
                    input.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                        NDArray mixed = viaFft ? FourierMixing.viaFft(input) : dft(input, 9, 6);
                        collector.backward(mixed.mul(weights).sum());
                    }
                    float[] gradient = input.getGradient().toFloatArray();
                    assertThat(maxAbsDifference(gradient, toFloat(reference(w, 2, 9, 6))))
                            .as("gradient on %s via %s", engine, viaFft ? "FFT" : "DFT")
                            .isLessThan(1e-4);
                }
            }
        }
    }

    @Test
    void autoPicksFftWhereTheEngineHasItAndDftElsewhere() {
        FourierMixing auto = new FourierMixing(MixingMode.AUTO, 5, 4);
        assertThat(auto.usesFft(PYTORCH)).isTrue();
        assertThat(auto.usesFft(MXNET)).isFalse();
        assertThat(new FourierMixing(MixingMode.DFT, 5, 4).usesFft(PYTORCH)).isFalse();
        assertThat(new FourierMixing(MixingMode.FFT, 5, 4).usesFft(PYTORCH)).isTrue();
    }

    @Test
    void fftModeOnAnEngineWithoutFftFailsClearly() {
        FourierMixing fft = new FourierMixing(MixingMode.FFT, 5, 4);
        assertThatThrownBy(() -> fft.usesFft(MXNET))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("lra.models.fnet.mixing = fft")
                .hasMessageContaining("MXNet")
                .hasMessageContaining("auto or dft");
    }

    @Test
    void onlyDftModeHoldsTheMatricesAsFrozenParameters() {
        assertThat(new FourierMixing(MixingMode.FFT, 5, 4).getParameters().isEmpty()).isTrue();
        assertThat(new FourierMixing(MixingMode.AUTO, 5, 4).getParameters().isEmpty()).isTrue();
        FourierMixing dft = new FourierMixing(MixingMode.DFT, 5, 4);
        assertThat(dft.getParameters().keys()).containsExactly("dftSequence", "dftHidden");
        dft.getParameters().values().forEach(p -> assertThat(p.requiresGradient()).isFalse());
    }

    @Test
    void dftMatrixValuesAreTheStackedCosineAndSineMatrices() {
        double[] hidden = DftMatrixInitializer.values(DftMatrixInitializer.Layout.HIDDEN, 3);
        double[] sequence = DftMatrixInitializer.values(DftMatrixInitializer.Layout.SEQUENCE, 3);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                double angle = 2 * Math.PI * j * k / 3;
                assertThat(hidden[j * 6 + k]).isCloseTo(Math.cos(angle), within(1e-15));
                assertThat(hidden[j * 6 + 3 + k]).isCloseTo(Math.sin(angle), within(1e-15));
                assertThat(sequence[j * 3 + k]).isCloseTo(Math.cos(angle), within(1e-15));
                assertThat(sequence[(3 + j) * 3 + k]).isCloseTo(-Math.sin(angle), within(1e-15));
            }
        }
        try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            DftMatrixInitializer init = new DftMatrixInitializer(DftMatrixInitializer.Layout.HIDDEN);
            assertThat(init.initialize(manager, new Shape(3, 6), DataType.FLOAT32).getShape())
                    .isEqualTo(new Shape(3, 6));
            assertThatThrownBy(() -> init.initialize(manager, new Shape(6, 3), DataType.FLOAT32))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static NDArray dft(NDArray x, int length, int hidden) {
        NDManager manager = x.getManager();
        NDArray sequence = manager.create(
                toFloat(DftMatrixInitializer.values(DftMatrixInitializer.Layout.SEQUENCE, length)),
                DftMatrixInitializer.Layout.SEQUENCE.shape(length));
        NDArray width = manager.create(
                toFloat(DftMatrixInitializer.values(DftMatrixInitializer.Layout.HIDDEN, hidden)),
                DftMatrixInitializer.Layout.HIDDEN.shape(hidden));
        return FourierMixing.viaDft(x, sequence, width);
    }

    /** Re(F_L X F_d) per sample, straight from the definition, in double precision. */
    private static double[] reference(double[] x, int batch, int length, int hidden) {
        double[] y = new double[x.length];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < length; j++) {
                for (int k = 0; k < hidden; k++) {
                    double sum = 0;
                    for (int m = 0; m < length; m++) {
                        for (int n = 0; n < hidden; n++) {
                            double angle = 2 * Math.PI * ((double) (j * m % length) / length
                                    + (double) (k * n % hidden) / hidden);
                            sum += x[(b * length + m) * hidden + n] * Math.cos(angle);
                        }
                    }
                    y[(b * length + j) * hidden + k] = sum;
                }
            }
        }
        return y;
    }

    private static double[] gaussian(Shape shape, long seed) {
        Random random = new Random(seed);
        double[] values = new double[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
