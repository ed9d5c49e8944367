package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.TestSupport.array;
import static io.github.lrabench.models.attention.TestSupport.forward;
import static io.github.lrabench.models.attention.TestSupport.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Multi-head softmax attention against a direct computation in plain Java loops, on both engines. */
class MultiHeadAttentionTest {

    private static final int L = 3;
    private static final int D = 4;
    private static final int H = 2;
    private static final int DH = 2;

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void equalsDirectComputation(String engine) {
        try (NDManager manager = TestSupport.manager(engine)) {
            MultiHeadAttention attention = newAttention(manager);
            float[] x = gaussian(7, L * D, 1.0);
            float[] actual = forward(attention, manager, array(manager, x, 1, L, D)).toFloatArray();
            float[] expected = direct(weights(attention), x, new boolean[] {true, true, true});
            assertThat(actual).containsExactly(expected, within(1e-5f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void maskedKeyIsIgnoredAndAllOnesMaskChangesNothing(String engine) {
        try (NDManager manager = TestSupport.manager(engine)) {
            MultiHeadAttention attention = newAttention(manager);
            Map<String, float[]> w = weights(attention);
            float[] x = gaussian(8, L * D, 1.0);
            NDArray input = array(manager, x, 1, L, D);
            float[] unmasked = forward(attention, manager, input).toFloatArray();
            float[] allOnes = forward(attention, manager, input, array(manager, new float[] {1, 1, 1}, 1, L))
                    .toFloatArray();
            float[] masked = forward(attention, manager, input, array(manager, new float[] {1, 0, 1}, 1, L))
                    .toFloatArray();

            assertThat(allOnes).containsExactly(unmasked, within(1e-7f));
            assertThat(masked).containsExactly(direct(w, x, new boolean[] {true, false, true}), within(1e-5f));
            // every query attended to key 1 before, so every output changes
            for (int i = 0; i < L; i++) {
                assertThat(TestSupport.maxAbsDiff(row(masked, i), row(unmasked, i)))
                        .as("change of output %d when key 1 is masked", i)
                        .isGreaterThan(1e-3);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void changingAMaskedTokenOnlyChangesItsOwnOutput(String engine) {
        try (NDManager manager = TestSupport.manager(engine)) {
            MultiHeadAttention attention = newAttention(manager);
            float[] x = gaussian(9, L * D, 1.0);
            float[] changed = x.clone();
            for (int c = 0; c < D; c++) {
                changed[D + c] += 3f;
            }
            NDArray mask = array(manager, new float[] {1, 0, 1}, 1, L);
            float[] before = forward(attention, manager, array(manager, x, 1, L, D), mask).toFloatArray();
            float[] after = forward(attention, manager, array(manager, changed, 1, L, D), mask).toFloatArray();
            float[] beforeNoMask = forward(attention, manager, array(manager, x, 1, L, D)).toFloatArray();
            float[] afterNoMask = forward(attention, manager, array(manager, changed, 1, L, D)).toFloatArray();

            assertThat(row(after, 0)).containsExactly(row(before, 0), within(1e-6f));
            assertThat(row(after, 2)).containsExactly(row(before, 2), within(1e-6f));
            assertThat(TestSupport.maxAbsDiff(row(after, 1), row(before, 1))).isGreaterThan(1e-3);
            // without the mask the same change reaches the other tokens
            assertThat(TestSupport.maxAbsDiff(row(afterNoMask, 0), row(beforeNoMask, 0))).isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void maskedKeysGetZeroWeight(String engine) {
        try (NDManager manager = TestSupport.manager(engine)) {
            int length = 5;
            NDArray q = array(manager, gaussian(1, 2 * H * length * DH, 2.0), 2, H, length, DH);
            NDArray k = array(manager, gaussian(2, 2 * H * length * DH, 2.0), 2, H, length, DH);
            NDArray mask = array(manager, new float[] {1, 0, 1, 1, 0, 0, 1, 1, 1, 1}, 2, length);
            float[] weights = new SoftmaxAttention(0f, 0).attentionWeights(q, k, mask).toFloatArray();
            float[] maskValues = mask.toFloatArray();
            for (int b = 0; b < 2; b++) {
                for (int row = 0; row < H * length; row++) {
                    double sum = 0;
                    for (int j = 0; j < length; j++) {
                        float weight = weights[(b * H * length + row) * length + j];
                        sum += weight;
                        if (maskValues[b * length + j] == 0f) {
                            assertThat(weight).as("weight of masked key %d in example %d", j, b).isZero();
                        } else {
                            assertThat(weight).isPositive();
                        }
                    }
                    assertThat(sum).isCloseTo(1.0, within(1e-5));
                }
            }
        }
    }

    private static MultiHeadAttention newAttention(NDManager manager) {
        MultiHeadAttention attention = new MultiHeadAttention(D, H, DH, true, new SoftmaxAttention(0f, 0));
        TestSupport.initializeWithSeededValues(attention, manager, 100, new Shape(1, L, D));
        return attention;
    }

    /** Returns the parameters by the suffix of their names: query_weight, query_bias, ..., output_bias. */
    private static Map<String, float[]> weights(MultiHeadAttention attention) {
        Map<String, float[]> values = new HashMap<>();
        for (Pair<String, Parameter> parameter : attention.getParameters()) {
            String name = parameter.getKey().replaceAll("^\\d+", "");
            values.put(name, parameter.getValue().getArray().toFloatArray());
        }
        assertThat(values).containsOnlyKeys("query_weight", "query_bias", "key_weight", "key_bias", "value_weight",
                "value_bias", "output_weight", "output_bias");
        return values;
    }

    /** y = W·x + b for W of shape (out, in). */
    private static double[] affine(float[] w, float[] b, double[] x, int out) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double sum = b[o];
            for (int i = 0; i < x.length; i++) {
                sum += w[o * x.length + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    private static float[] direct(Map<String, float[]> w, float[] x, boolean[] keyKept) {
        double[][] q = new double[L][];
        double[][] k = new double[L][];
        double[][] v = new double[L][];
        for (int t = 0; t < L; t++) {
            double[] xt = new double[D];
            for (int c = 0; c < D; c++) {
                xt[c] = x[t * D + c];
            }
            q[t] = affine(w.get("query_weight"), w.get("query_bias"), xt, H * DH);
            k[t] = affine(w.get("key_weight"), w.get("key_bias"), xt, H * DH);
            v[t] = affine(w.get("value_weight"), w.get("value_bias"), xt, H * DH);
        }
        float[] out = new float[L * D];
        for (int i = 0; i < L; i++) {
            double[] concat = new double[H * DH];
            for (int h = 0; h < H; h++) {
                double[] logits = new double[L];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < L; j++) {
                    if (!keyKept[j]) {
                        continue;
                    }
                    double dot = 0;
                    for (int e = 0; e < DH; e++) {
                        dot += q[i][h * DH + e] * k[j][h * DH + e];
                    }
                    logits[j] = dot / Math.sqrt(DH);
                    max = Math.max(max, logits[j]);
                }
                double norm = 0;
                double[] p = new double[L];
                for (int j = 0; j < L; j++) {
                    p[j] = keyKept[j] ? Math.exp(logits[j] - max) : 0;
                    norm += p[j];
                }
                for (int j = 0; j < L; j++) {
                    for (int e = 0; e < DH; e++) {
                        concat[h * DH + e] += p[j] / norm * v[j][h * DH + e];
                    }
                }
            }
            double[] y = affine(w.get("output_weight"), w.get("output_bias"), concat, D);
            for (int c = 0; c < D; c++) {
                out[i * D + c] = (float) y[c];
            }
        }
        return out;
    }

    private static float[] row(float[] output, int token) {
        float[] row = new float[D];
        System.arraycopy(output, token * D, row, 0, D);
        return row;
    }
}
