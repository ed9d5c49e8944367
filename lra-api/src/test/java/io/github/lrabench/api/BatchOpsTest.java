package io.github.lrabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * {@link BatchOps}, including a regression test for the DJL PyTorch hazard it avoids: a scalar given to {@code
 * NDArray.mul(Number)} borrows a Java direct buffer released right after the op, so the backward pass reads
 * whatever later reuses that memory (a gradient of 1.4e-45 instead of 3 was seen).
 */
class BatchOpsTest {

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void scaleKeepsItsGradientAfterReleasedMemoryIsReused(String engine) {
        try (NDManager root = Engine.getEngine(engine).newBaseManager()) {
            NDArray x = root.create(new float[] {1f, 2f});
            x.setRequiresGradient(true);
            try (NDManager batch = root.newSubManager();
                    GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                NDArray y = BatchOps.scale(batch.zeros(new Shape(1)).add(x), 3f);
                reuseReleasedDirectMemory();
                collector.backward(y.sum());
            }
            assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void dropoutKeepsTheRightShareWithTheRightScaleAndOnlyInTraining(String engine) {
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            NDArray like = manager.zeros(new Shape(1));
            float[] mask = BatchOps.dropoutMask(like, new Shape(10_000), 0.25f).toFloatArray();
            int kept = 0;
            for (float value : mask) {
                assertThat(value).isIn(0f, 1f / 0.75f);
                kept += value > 0 ? 1 : 0;
            }
            assertThat(kept / 10_000.0).isCloseTo(0.75, within(0.03));
            NDArray x = manager.ones(new Shape(3));
            assertThat(BatchOps.dropout(x, 0.5f, false)).isSameAs(x);
            assertThat(BatchOps.dropout(x, 0f, true)).isSameAs(x);
            assertThat(BatchOps.dropout(manager.ones(new Shape(4000)), 0.5f, true).mean().getFloat())
                    .isCloseTo(1f, within(0.1f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void dropoutZeroesTheRightShareAndItsGradientIsItsMask(String engine) {
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            NDArray x = manager.ones(new Shape(10_000));
            x.setRequiresGradient(true);
            float[] dropped;
            try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
                NDArray y = BatchOps.dropout(x, 0.25f, true);
                dropped = y.toFloatArray();
                collector.backward(y.sum());
            }
            int kept = 0;
            for (float value : dropped) {
                assertThat(value).isCloseTo(value > 0 ? 1f / 0.75f : 0f, within(1e-6f));
                kept += value > 0 ? 1 : 0;
            }
            assertThat(kept / 10_000.0).isCloseTo(0.75, within(0.03));
            // x is all ones, so d sum(dropout(x)) / dx is the mask itself
            assertThat(x.getGradient().toFloatArray()).containsExactly(dropped, within(1e-6f));
        }
    }

    @Test
    void dropoutRateOutsideTheUnitIntervalIsRefused() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            assertThatThrownBy(() -> BatchOps.dropout(manager.ones(new Shape(2)), 1f, true))
                    .hasMessageContaining("dropout rate must lie in [0, 1) but was 1.0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void layerNormalizationNormalisesTheLastAxis(String engine) {
        try (ai.djl.Model model = ai.djl.Model.newInstance("ln", ai.djl.Device.cpu(), engine);
                NDManager batch = model.getNDManager().newSubManager()) {
            LayerNormalization norm = new LayerNormalization(4, 1e-5f);
            norm.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 3, 4));
            NDArray x = batch.randomNormal(new Shape(2, 3, 4)).mul(batch.full(new Shape(1), 5f)).add(batch.ones(new Shape(1)));
            NDArray y = norm.forward(new ai.djl.training.ParameterStore(batch, false), new ai.djl.ndarray.NDList(x),
                    false).head();
            assertThat(y.mean(new int[] {-1}).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(y.square().mean(new int[] {-1}).sub(batch.ones(new Shape(1))).abs().max().getFloat())
                    .isLessThan(1e-3f);
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
}
