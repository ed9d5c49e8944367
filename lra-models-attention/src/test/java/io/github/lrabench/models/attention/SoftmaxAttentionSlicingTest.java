package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.TestSupport.array;
import static io.github.lrabench.models.attention.TestSupport.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sliced softmax attention gives the outputs and gradients of the unsliced one, with and without a key mask. */
class SoftmaxAttentionSlicingTest {

    private static final int B = 2;
    private static final int H = 3;
    private static final int L = 5;
    private static final int DH = 4;

    @ParameterizedTest
    @CsvSource({"PyTorch, 1", "PyTorch, 4", "PyTorch, 6", "MXNet, 1", "MXNet, 4"})
    void slicesGiveTheSameOutputsAndGradients(String engine, int sliceSize) {
        try (NDManager manager = TestSupport.manager(engine)) {
            NDArray mask = array(manager, new float[] {1, 0, 1, 1, 1, 1, 1, 0, 0, 1}, B, L);
            for (NDArray keyMask : new NDArray[] {null, mask}) {
                List<float[]> whole = outputAndGradients(engine, manager, new SoftmaxAttention(0f, 0), keyMask);
                List<float[]> sliced = outputAndGradients(engine, manager, new SoftmaxAttention(0f, sliceSize),
                        keyMask);
                String[] names = {"output", "dq", "dk", "dv"};
                for (int i = 0; i < names.length; i++) {
                    assertThat(TestSupport.maxAbsDiff(sliced.get(i), whole.get(i)))
                            .as("%s with slices of %d, mask %s", names[i], sliceSize, keyMask != null)
                            .isLessThan(1e-5);
                }
                // the check can fail: the gradients are not all zero
                assertThat(TestSupport.maxAbsDiff(whole.get(3), new float[whole.get(3).length])).isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void negativeSliceSizeIsRejectedWithTheKeyName() {
        assertThatThrownBy(() -> new SoftmaxAttention(0f, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slice size");
    }

    /** Returns the output and the gradients of {@code sum(output · r)} for a fixed random r, w.r.t. q, k and v. */
    private static List<float[]> outputAndGradients(
            String engine, NDManager manager, SoftmaxAttention kernel, NDArray mask) {
        int n = B * H * L * DH;
        NDArray q = array(manager, gaussian(11, n, 1.5), B, H, L, DH);
        NDArray k = array(manager, gaussian(12, n, 1.5), B, H, L, DH);
        NDArray v = array(manager, gaussian(13, n, 1.0), B, H, L, DH);
        NDArray r = array(manager, gaussian(14, n, 1.0), B, H, L, DH);
        NDList inputs = mask == null ? new NDList(q, k, v) : new NDList(q, k, v, mask);
        for (NDArray input : new NDArray[] {q, k, v}) {
            input.setRequiresGradient(true);
        }
        List<float[]> results = new ArrayList<>();
        try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
            NDArray output = kernel.forward(new ParameterStore(manager, false), inputs, true).head();
            results.add(output.toFloatArray());
            collector.backward(output.mul(r).sum());
        }
        for (NDArray input : new NDArray[] {q, k, v}) {
            results.add(input.getGradient().toFloatArray());
        }
        return results;
    }
}
