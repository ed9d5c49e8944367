package io.github.lrabench.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The array helpers, and a regression test that the Lipschitz matrices keep their gradient when released Java
 * direct memory is reused (the DJL PyTorch scalar hazard that {@code BatchOps.scale} avoids).
 */
class BatchArraysTest {

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void matrixGradientSurvivesMemoryReuse(String engine) {
        float beta = 0.75f;
        try (NDManager root = Engine.getEngine(engine).newBaseManager()) {
            NDArray m = root.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new Shape(2, 2));
            m.setRequiresGradient(true);
            try (NDManager batch = root.newSubManager();
                    GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                NDArray a = LipschitzMatrices.build(batch.zeros(new Shape(1)), m, beta, 0.1f);
                reuseReleasedDirectMemory();
                collector.backward(a.sum());
            }
            // d/dM of the sum of (1 - β)(M + Mᵀ) + β(M - Mᵀ) - γI is 2(1 - β) everywhere
            float expected = 2 * (1 - beta);
            assertThat(m.getGradient().toFloatArray())
                    .containsExactly(new float[] {expected, expected, expected, expected}, within(1e-6f));
        }
    }

    /** Lets the garbage collector release dead direct buffers, then fills fresh ones with junk. */
    private static void reuseReleasedDirectMemory() {
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, -1e30f);
            junk.add(buffer);
        }
        assertThat(junk).hasSize(2000);
    }

    @Test
    void shiftRightDelaysTheSequenceAndFillsWithZeros() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray x = manager.arange(1f, 9f).reshape(1, 4, 2);
            assertThat(BatchArrays.shiftRight(x, 1).toFloatArray()).containsExactly(0, 0, 1, 2, 3, 4, 5, 6);
            assertThat(BatchArrays.shiftRight(x, 3).toFloatArray()).containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
            assertThat(BatchArrays.shiftRight(x, 4).toFloatArray()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(BatchArrays.shiftRight(x, 9).getShape()).isEqualTo(x.getShape());
        }
    }
}
