package io.github.lrabench.models.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The S4D kernel against a direct evaluation, the FFT convolution against a direct one, and causality. */
class SsmMathTest {

    private static final String PYTORCH = "PyTorch";
    private static final int H = 3;
    private static final int PAIRS = 4;

    /** Random SSM parameters in the ranges S4D-Lin initialises them to (with some spread). */
    private record Ssm(double[] logDt, double[] logAReal, double[] aImag, double[] cReal, double[] cImag) {
        static Ssm random(long seed) {
            Random random = new Random(seed);
            double[] logDt = new double[H];
            double[] logAReal = new double[H * PAIRS];
            double[] aImag = new double[H * PAIRS];
            double[] cReal = new double[H * PAIRS];
            double[] cImag = new double[H * PAIRS];
            for (int h = 0; h < H; h++) {
                logDt[h] = Math.log(0.001) + random.nextDouble() * (Math.log(0.5) - Math.log(0.001));
                for (int n = 0; n < PAIRS; n++) {
                    int i = h * PAIRS + n;
                    logAReal[i] = Math.log(0.5) + 0.3 * random.nextGaussian();
                    aImag[i] = Math.PI * n + 0.2 * random.nextGaussian();
                    cReal[i] = random.nextGaussian();
                    cImag[i] = random.nextGaussian();
                }
            }
            return new Ssm(logDt, logAReal, aImag, cReal, cImag);
        }

        List<NDArray> arrays(NDManager manager, DataType type) {
            Shape pairs = new Shape(H, PAIRS);
            return List.of(manager.create(logDt, new Shape(H, 1)).toType(type, false),
                    manager.create(logAReal, pairs).toType(type, false),
                    manager.create(aImag, pairs).toType(type, false),
                    manager.create(cReal, pairs).toType(type, false),
                    manager.create(cImag, pairs).toType(type, false));
        }
    }

    private static NDArray kernel(NDArray like, List<NDArray> p, int length) {
        return SsmMath.kernel(like, p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), length);
    }

    @Test
    void kernelEqualsTheSumOfCTimesPowersOfTheDiscreteStateMatrixTimesB() {
        int length = 40;
        Ssm ssm = Ssm.random(3);
        // the recurrence view: Λ̄ = exp(ΔΛ), B̄ = (Λ̄ − 1) / Λ · B with B = 1, K[l] = 2 Re Σₙ Cₙ Λ̄ₙ^l B̄ₙ, the powers
        // by repeated complex multiplication (not the closed form exp(ΔΛl) that the model uses)
        double[] expected = new double[H * length];
        for (int h = 0; h < H; h++) {
            double dt = Math.exp(ssm.logDt()[h]);
            for (int n = 0; n < PAIRS; n++) {
                int i = h * PAIRS + n;
                double[] lambda = {-Math.exp(ssm.logAReal()[i]), ssm.aImag()[i]};
                double[] discrete = cexp(new double[] {dt * lambda[0], dt * lambda[1]});
                double[] bBar = cdiv(new double[] {discrete[0] - 1, discrete[1]}, lambda);
                double[] term = cmul(new double[] {ssm.cReal()[i], ssm.cImag()[i]}, bBar);
                for (int l = 0; l < length; l++) {
                    expected[h * length + l] += 2 * term[0];
                    term = cmul(term, discrete);
                }
            }
        }
        try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            NDArray like = manager.zeros(new Shape(1));
            float[] k = kernel(like, ssm.arrays(manager, DataType.FLOAT32), length).toFloatArray();
            assertThat(k).hasSize(H * length);
            for (int i = 0; i < k.length; i++) {
                assertThat((double) k[i]).as("K[%d, %d]", i / length, i % length)
                        .isCloseTo(expected[i], within(1e-5 * Math.max(1, Math.abs(expected[i]))));
            }
        }
    }

    @Test
    void fftConvolutionEqualsTheDirectCausalConvolutionInValueAndInTheGradientOfEveryKernelParameter() {
        int batch = 2;
        int length = 24;
        Ssm ssm = Ssm.random(5);
        Random random = new Random(6);
        double[] input = new double[batch * H * length];
        double[] weights = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextGaussian();
            weights[i] = random.nextGaussian();
        }
        Shape shape = new Shape(batch, H, length);
        List<double[]> fft = new ArrayList<>();
        List<double[]> direct = new ArrayList<>();
        for (boolean viaFft : new boolean[] {true, false}) {
            try (NDManager manager = NDManager.newBaseManager(PYTORCH)) {
                List<NDArray> parameters = ssm.arrays(manager, DataType.FLOAT64);
                NDArray u = manager.create(input, shape);
                List<NDArray> leaves = new ArrayList<>(parameters);
                leaves.add(u);
                leaves.forEach(a -> a.setRequiresGradient(true));
                List<double[]> results = viaFft ? fft : direct;
                try (GradientCollector collector = Engine.getEngine(PYTORCH).newGradientCollector()) {
                    NDArray k = kernel(u, parameters, length);
                    NDArray y = viaFft ? SsmMath.causalConvolution(u, k) : directConvolution(u, k);
                    results.add(y.toDoubleArray());
                    collector.backward(y.mul(manager.create(weights, shape)).sum());
                }
                for (NDArray leaf : leaves) {
                    results.add(leaf.getGradient().toDoubleArray());
                }
            }
        }
        String[] names = {"y", "d/d logDt", "d/d logAReal", "d/d aImag", "d/d cReal", "d/d cImag", "d/d u"};
        for (int r = 0; r < names.length; r++) {
            double[] a = fft.get(r);
            double[] b = direct.get(r);
            assertThat(a).as(names[r]).hasSameSizeAs(b);
            double scale = 0;
            for (double v : b) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(scale).as(names[r] + " is not trivially zero").isGreaterThan(1e-3);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("%s[%d]", names[r], i).isCloseTo(b[i], within(1e-5 * Math.max(1, scale)));
            }
        }
    }

    @Test
    void aLayerIsCausalAndItsPlainSumCanBeDifferentiated() {
        int length = 32;
        int t = 11;
        Engine.getEngine(PYTORCH).setRandomSeed(8);
        S4DLayer layer = new S4DLayer(S4DConfig.from(TestConfigs.tiny()));
        Shape shape = new Shape(2, 8, length);
        try (Model model = Model.newInstance("s4d-layer", Device.cpu(), PYTORCH)) {
            model.setBlock(layer);
            layer.initialize(model.getNDManager(), DataType.FLOAT32, shape);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray u = manager.randomNormal(shape);
                NDArray changed = u.get(new NDIndex(":, :, 0:" + (t + 1)))
                        .concat(manager.randomNormal(new Shape(2, 8, length - t - 1)), 2);
                ParameterStore store = new ParameterStore(manager, false);
                NDArray y = layer.forward(store, new NDList(u), false).head();
                NDArray y2 = layer.forward(store, new NDList(changed), false).head();
                NDArray difference = y.sub(y2).abs();
                assertThat(difference.get(new NDIndex(":, :, 0:" + (t + 1))).max().getFloat())
                        .as("outputs up to t = %d do not see the inputs after t", t).isLessThan(1e-5f);
                assertThat(difference.get(new NDIndex(":, :, " + (t + 1) + ":")).max().getFloat())
                        .as("outputs after t do").isGreaterThan(1e-3f);

                // a plain sum right after the layer (PyTorch 2.7.1's FFT backward fails on a broadcast gradient)
                try (GradientCollector collector = Engine.getEngine(PYTORCH).newGradientCollector()) {
                    collector.backward(layer.forward(new ParameterStore(manager, false), new NDList(u), true)
                            .head().sum());
                }
                for (Pair<String, Parameter> parameter : layer.getParameters()) {
                    NDArray gradient = parameter.getValue().getArray().getGradient();
                    assertThat(gradient.isInfinite().any().getBoolean() || gradient.isNaN().any().getBoolean())
                            .as("gradient of %s is finite", parameter.getKey()).isFalse();
                    assertThat(gradient.abs().sum().getFloat()).as("gradient of %s", parameter.getKey())
                            .isGreaterThan(0f);
                }
            }
        }
    }

    /** y[b, h, t] = Σ_{j ≤ t} k[h, j] u[b, h, t − j], one shifted copy of u per lag. */
    private static NDArray directConvolution(NDArray u, NDArray k) {
        Shape shape = u.getShape();
        long length = shape.get(2);
        NDArray y = u.zerosLike();
        for (int j = 0; j < length; j++) {
            NDArray shifted = j == 0 ? u : NDArrays.concat(new NDList(
                    u.getManager().zeros(new Shape(shape.get(0), shape.get(1), j), u.getDataType()),
                    u.get(new NDIndex(":, :, 0:" + (length - j)))), 2);
            y = y.add(shifted.mul(k.get(new NDIndex(":, " + j + ":" + (j + 1)))));
        }
        return y;
    }

    private static double[] cmul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    private static double[] cdiv(double[] a, double[] b) {
        double modulus = b[0] * b[0] + b[1] * b[1];
        return new double[] {(a[0] * b[0] + a[1] * b[1]) / modulus, (a[1] * b[0] - a[0] * b[1]) / modulus};
    }

    private static double[] cexp(double[] a) {
        double r = Math.exp(a[0]);
        return new double[] {r * Math.cos(a[1]), r * Math.sin(a[1])};
    }
}
