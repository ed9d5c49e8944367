package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.TestSupport.array;
import static io.github.lrabench.models.attention.TestSupport.forward;
import static io.github.lrabench.models.attention.TestSupport.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nyström attention: agreement with softmax attention, masks, and the same numbers on both engines. */
class NystromAttentionTest {

    private static final int B = 2;
    private static final int H = 2;
    private static final int L = 8;
    private static final int DH = 8;

    @ParameterizedTest
    @CsvSource({"PyTorch, PER_MATRIX", "PyTorch, ORIGINAL", "MXNet, PER_MATRIX", "MXNet, ORIGINAL"})
    void equalsSoftmaxAttentionWithAsManyLandmarksAsTokens(String engine, PseudoInverse.Init init) {
        try (NDManager manager = TestSupport.manager(engine)) {
            // q = k = 2.4·e_t + noise: logits about 2 on the diagonal, so A = softmax(QKᵀ/√dh) is well-conditioned
            float[] qk = gaussian(3, B * H * L * DH, 0.1);
            for (int m = 0; m < B * H; m++) {
                for (int t = 0; t < L; t++) {
                    qk[(m * L + t) * DH + t] += 2.4f;
                }
            }
            NDArray q = array(manager, qk, B, H, L, DH);
            NDArray v = array(manager, gaussian(4, B * H * L * DH, 1.0), B, H, L, DH);
            float[] exact = forward(new SoftmaxAttention(0f, 0), manager, q, q, v).toFloatArray();
            float[] nystrom = forward(kernel(manager, L, 8, init, 0), manager, q, q, v).toFloatArray();
            float[] twoLandmarks = forward(kernel(manager, 2, 8, init, 0), manager, q, q, v).toFloatArray();

            assertThat(TestSupport.maxAbsDiff(nystrom, exact)).as("|Nyström(ℓ = L) − softmax|").isLessThan(1e-4);
            assertThat(TestSupport.maxAbsDiff(twoLandmarks, exact)).as("|Nyström(ℓ = 2) − softmax|")
                    .isGreaterThan(1e-2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void changingAMaskedTokenChangesNoOtherOutput(String engine) {
        try (NDManager manager = TestSupport.manager(engine)) {
            NystromAttention kernel = kernel(manager, 2, 6, PseudoInverse.Init.ORIGINAL, 3);
            float[] qkv = gaussian(5, B * H * L * DH, 1.0);
            float[] changed = qkv.clone();
            int masked = 3;
            for (int m = 0; m < B * H; m++) {
                for (int e = 0; e < DH; e++) {
                    changed[(m * L + masked) * DH + e] += 2f;
                }
            }
            float[] maskValues = new float[B * L];
            java.util.Arrays.fill(maskValues, 1f);
            maskValues[masked] = 0f;
            maskValues[L + masked] = 0f;
            NDArray mask = array(manager, maskValues, B, L);
            NDArray before = array(manager, qkv, B, H, L, DH);
            NDArray after = array(manager, changed, B, H, L, DH);

            float[] outBefore = forward(kernel, manager, before, before, before, mask).toFloatArray();
            float[] outAfter = forward(kernel, manager, after, after, after, mask).toFloatArray();
            float[] noMaskBefore = forward(kernel, manager, before, before, before).toFloatArray();
            float[] noMaskAfter = forward(kernel, manager, after, after, after).toFloatArray();
            float[] allOnes = forward(kernel, manager, before, before, before,
                    manager.ones(new Shape(B, L))).toFloatArray();

            assertThat(outAfter).as("outputs when only a masked token changes").containsExactly(outBefore,
                    within(1e-5f));
            assertThat(TestSupport.maxAbsDiff(noMaskAfter, noMaskBefore)).as("change without the mask")
                    .isGreaterThan(1e-3);
            assertThat(TestSupport.maxAbsDiff(outBefore, noMaskBefore)).as("masking changes the outputs")
                    .isGreaterThan(1e-3);
            assertThat(allOnes).as("all-ones mask").containsExactly(noMaskBefore, within(1e-6f));
        }
    }

    @Test
    void bothEnginesComputeTheSameNumbers() {
        float[][] results = new float[2][];
        String[] engines = {"PyTorch", "MXNet"};
        for (int e = 0; e < 2; e++) {
            try (NDManager manager = TestSupport.manager(engines[e])) {
                NystromAttention kernel = kernel(manager, 4, 6, PseudoInverse.Init.ORIGINAL, 5);
                NDArray q = array(manager, gaussian(11, B * H * L * DH, 1.0), B, H, L, DH);
                NDArray k = array(manager, gaussian(12, B * H * L * DH, 1.0), B, H, L, DH);
                NDArray v = array(manager, gaussian(13, B * H * L * DH, 1.0), B, H, L, DH);
                float[] maskValues = {1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};
                results[e] = forward(kernel, manager, q, k, v, array(manager, maskValues, B, L)).toFloatArray();
            }
        }
        assertThat(results[1]).containsExactly(results[0], within(1e-4f));
    }

    @Test
    void refusesALengthThatTheLandmarksDoNotDivide() {
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            NystromAttention kernel = kernel(manager, 3, 6, PseudoInverse.Init.ORIGINAL, 0);
            NDArray x = manager.ones(new Shape(1, H, L, DH));
            assertThatThrownBy(() -> forward(kernel, manager, x, x, x))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sequence length 8")
                    .hasMessageContaining("landmark count 3");
        }
    }

    private static NystromAttention kernel(
            NDManager manager, int landmarks, int iterations, PseudoInverse.Init init, int convKernel) {
        NystromAttention kernel = new NystromAttention(H, new NystromKernelSpec(landmarks, iterations, init,
                convKernel, ConvPath.AUTO));
        Shape heads = new Shape(B, H, L, DH);
        TestSupport.initializeWithSeededValues(kernel, manager, 50, heads, heads, heads);
        return kernel;
    }
}
