package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.TestSupport.array;
import static io.github.lrabench.models.attention.TestSupport.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The banded path of the Nyström convolution on V ({@code conv-path = banded}, chosen by {@code auto}) gives the
 * outputs and gradients of the {@code Conv2d} path, and the convolution a direct loop computes.
 */
class ConvPathTest {

    private static final int B = 2;
    private static final int H = 2;
    private static final int DH = 4;
    private static final double TOLERANCE = 1e-5;

    /**
     * Lengths and kernels cover one chunk (chunk 32 > L), several chunks with a partial last one (L 72 with chunks
     * of 34 at k 35), a kernel longer than the sequence (k 35 on L 16) and k 1 (no padding, no overlap).
     */
    @ParameterizedTest(name = "{0}, L {1}, k {2}, {3} landmarks")
    @CsvSource({
        "PyTorch, 16, 3, 4", "PyTorch, 16, 1, 4", "PyTorch, 16, 35, 4", "PyTorch, 72, 35, 8", "PyTorch, 72, 5, 8",
        "MXNet, 16, 3, 4", "MXNet, 16, 35, 4", "MXNet, 72, 35, 8"})
    void bandedProductsGiveTheConv2dOutputsAndGradients(String engine, int length, int kernel, int landmarks) {
        for (boolean masked : new boolean[] {false, true}) {
            try (NDManager manager = TestSupport.manager(engine)) {
                List<float[]> expected = outputsAndGradients(engine, manager, ConvPath.CONV2D, length, kernel,
                        landmarks, masked);
                List<float[]> actual = outputsAndGradients(engine, manager, ConvPath.AUTO, length, kernel,
                        landmarks, masked);
                String[] names = {"outputs", "gradient of q", "gradient of k", "gradient of v", "gradient of the conv"
                        + " weight"};
                for (int i = 0; i < names.length; i++) {
                    // relative to the array's scale where that exceeds 1: the weight's gradient sums B·L·dh
                    // products to values of ~50, whose float32 rounding alone is a few 1e-6
                    double scale = Math.max(1, maxAbs(expected.get(i)));
                    assertThat(TestSupport.maxAbsDiff(actual.get(i), expected.get(i)) / scale)
                            .as("%s, %s, L %d, k %d, mask %s (scale %.1f)", names[i], engine, length, kernel, masked,
                                    scale)
                            .isLessThan(TOLERANCE);
                }
                // the comparison can fail: the convolution moves the outputs and its weight gets a gradient
                List<float[]> without = outputsAndGradients(engine, manager, ConvPath.AUTO, length, 0, landmarks,
                        masked);
                assertThat(TestSupport.maxAbsDiff(actual.get(0), without.get(0))).isGreaterThan(1e-2);
                assertThat(maxAbs(actual.get(4))).isGreaterThan(1e-2);
            }
        }
    }

    @ParameterizedTest(name = "{0}, L {1}, k {2}")
    @CsvSource({"PyTorch, 72, 35", "PyTorch, 10, 7", "PyTorch, 5, 1", "MXNet, 72, 35", "MXNet, 10, 7"})
    void bandedProductsEqualADirectLoop(String engine, int length, int kernel) {
        float[] values = gaussian(21, B * H * length * DH, 1.0);
        float[] weights = gaussian(22, H * kernel, 1.0);
        float[] expected = new float[values.length];
        int pad = kernel / 2;
        for (int b = 0; b < B; b++) {
            for (int h = 0; h < H; h++) {
                for (int t = 0; t < length; t++) {
                    for (int e = 0; e < DH; e++) {
                        double sum = 0;
                        for (int j = 0; j < kernel; j++) {
                            int source = t + j - pad;
                            if (source >= 0 && source < length) {
                                sum += weights[h * kernel + j] * values[((b * H + h) * length + source) * DH + e];
                            }
                        }
                        expected[((b * H + h) * length + t) * DH + e] = (float) sum;
                    }
                }
            }
        }
        try (NDManager manager = TestSupport.manager(engine)) {
            NDArray v = array(manager, values, B, H, length, DH);
            NDArray w = array(manager, weights, H, 1, kernel, 1);
            float[] actual = new BandedDepthwiseConv(kernel).apply(v, w).toFloatArray();
            assertThat(TestSupport.maxAbsDiff(actual, expected)).isLessThan(1e-5);
        }
    }

    /**
     * Returns the outputs of a Nyström kernel with seeded parameters and the gradients of {@code sum(out · r)} with
     * respect to q, k, v and the convolution's weight (an empty array without a convolution).
     */
    private static List<float[]> outputsAndGradients(String engine, NDManager manager, ConvPath path, int length,
            int kernel, int landmarks, boolean masked) {
        NystromAttention attention = new NystromAttention(H, new NystromKernelSpec(landmarks, 3,
                PseudoInverse.Init.PER_MATRIX, kernel, path));
        Shape heads = new Shape(B, H, length, DH);
        TestSupport.initializeWithSeededValues(attention, manager, 60, heads, heads, heads);
        int size = B * H * length * DH;
        NDArray q = array(manager, gaussian(31, size, 1.0), B, H, length, DH);
        NDArray k = array(manager, gaussian(32, size, 1.0), B, H, length, DH);
        NDArray v = array(manager, gaussian(33, size, 1.0), B, H, length, DH);
        NDArray r = array(manager, gaussian(34, size, 1.0), B, H, length, DH);
        NDList inputs = new NDList(q, k, v);
        if (masked) {
            float[] mask = new float[B * length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = i % 5 == 2 ? 0f : 1f;
            }
            inputs.add(array(manager, mask, B, length));
        }
        for (int i = 0; i < 3; i++) {
            inputs.get(i).setRequiresGradient(true);
        }
        List<float[]> results = new ArrayList<>();
        try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
            NDArray out = attention.forward(new ParameterStore(manager, false), inputs, true).head();
            results.add(out.toFloatArray());
            collector.backward(out.mul(r).sum());
        }
        for (int i = 0; i < 3; i++) {
            results.add(inputs.get(i).getGradient().toType(DataType.FLOAT32, false).toFloatArray());
        }
        float[] weightGradient = new float[0];
        for (Pair<String, Parameter> parameter : attention.getParameters()) {
            if (parameter.getKey().equals("convWeight")) {
                weightGradient = parameter.getValue().getArray().getGradient().toFloatArray();
            }
        }
        results.add(weightGradient);
        return results;
    }

    private static double maxAbs(float[] values) {
        return TestSupport.maxAbsDiff(values, new float[values.length]);
    }
}
