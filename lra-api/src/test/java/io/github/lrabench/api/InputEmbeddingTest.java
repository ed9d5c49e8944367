package io.github.lrabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Shapes, the CLS token, lookup semantics and input validation of {@link InputEmbedding}. */
class InputEmbeddingTest {

    private static NDArray embed(InputEmbedding block, Model model, NDArray x) {
        block.initialize(model.getNDManager(), DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).head();
    }

    @Test
    void tokensAreLookedUpAndPositionsAdded() {
        TaskSpec task = new TaskSpec("t", 3, 1, 5, 2);
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            InputEmbedding block = InputEmbedding.builder().setTask(task).setEmbeddingSize(4).build();
            NDArray x = manager.create(new int[] {2, 2, 0}, new Shape(1, 3));
            NDArray out = embed(block, model, x);
            assertThat(out.getShape()).isEqualTo(new Shape(1, 3, 4));
            NDArray table = block.getParameters().get("tokenTable").getArray();
            NDArray positions = block.getParameters().get("positions").getArray();
            NDArray expected = table.get(2).add(positions.get(0));
            assertThat(out.get(0, 0).toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-6f));
            // the same token at two positions differs only by the position embedding
            assertThat(out.get(0, 1).sub(out.get(0, 0)).toFloatArray())
                    .containsExactly(positions.get(1).sub(positions.get(0)).toFloatArray(), within(1e-6f));
        }
    }

    @Test
    void continuousInputsAreProjectedAndClsIsPrepended() {
        TaskSpec task = new TaskSpec("t", 6, 3, 0, 2);
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            InputEmbedding block =
                    InputEmbedding.builder().setTask(task).setEmbeddingSize(8).optClsToken(true).build();
            NDArray out = embed(block, model, manager.randomNormal(new Shape(2, 6, 3)));
            assertThat(out.getShape()).isEqualTo(new Shape(2, 7, 8));
            assertThat(block.outputLength()).isEqualTo(7);
            // position 0 holds cls + positions[0] for every sample
            assertThat(out.get(0, 0).toFloatArray()).containsExactly(out.get(1, 0).toFloatArray());
        }
    }

    @Test
    void withoutPositionEmbeddingsTheSameTokenEmbedsAlikeEverywhere() {
        TaskSpec task = new TaskSpec("t", 3, 1, 5, 2);
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch");
                NDManager manager = model.getNDManager().newSubManager()) {
            InputEmbedding block = InputEmbedding.builder().setTask(task).setEmbeddingSize(4)
                    .optPositionEmbeddings(false).build();
            NDArray out = embed(block, model, manager.create(new int[] {2, 2, 0}, new Shape(1, 3)));
            assertThat(block.hasPositionEmbeddings()).isFalse();
            assertThat(block.getParameters().keys()).containsExactly("tokenTable");
            NDArray table = block.getParameters().get("tokenTable").getArray();
            assertThat(out.get(0, 0).toFloatArray()).containsExactly(table.get(2).toFloatArray());
            assertThat(out.get(0, 1).toFloatArray()).containsExactly(table.get(2).toFloatArray());
            assertThat(out.get(0, 2).toFloatArray()).containsExactly(table.get(0).toFloatArray());
        }
    }

    @Test
    void wrongShapeNamesTheExpectedOne() {
        TaskSpec task = new TaskSpec("scifar", 6, 3, 0, 2);
        assertThatThrownBy(() -> InputEmbedding.checkInputShape(task, new Shape(2, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task scifar expects input of shape (B, 6, 3) but got (2, 6)");
        assertThatThrownBy(() -> InputEmbedding.builder().setTask(task).setEmbeddingSize(0).build())
                .hasMessageContaining("embedding size must be >= 1 but was 0");
    }

    @Test
    void initStandardDeviationsAreThoseAskedFor() {
        TaskSpec task = new TaskSpec("t", 1024, 1, 256, 2);
        try (Model model = Model.newInstance("t", Device.cpu(), "PyTorch")) {
            InputEmbedding custom = InputEmbedding.builder().setTask(task).setEmbeddingSize(16).optClsToken(true)
                    .optTokenInitStd(0.02f).optPositionInitStd(0.5f).optClsInitStd(0f).build();
            custom.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1024));
            assertThat(std(custom, "tokenTable")).isCloseTo(0.02, within(0.002));
            assertThat(std(custom, "positions")).isCloseTo(0.5, within(0.05));
            assertThat(custom.getParameters().get("cls").getArray().abs().max().getFloat()).isZero();
            // the defaults stay N(0, 1) tokens and N(0, 0.02^2) positions
            InputEmbedding plain = InputEmbedding.builder().setTask(task).setEmbeddingSize(16).build();
            plain.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1024));
            assertThat(std(plain, "tokenTable")).isCloseTo(1.0, within(0.1));
            assertThat(std(plain, "positions")).isCloseTo(0.02, within(0.002));
        }
        assertThatThrownBy(() -> InputEmbedding.builder().setTask(task).setEmbeddingSize(4)
                        .optTokenInitStd(-1f).optPositionInitStd(-2f).build())
                .hasMessageContaining("token init std must be >= 0 but was -1.0")
                .hasMessageContaining("position init std must be >= 0 but was -2.0");
    }

    private static double std(InputEmbedding block, String parameter) {
        NDArray values = block.getParameters().get(parameter).getArray();
        return Math.sqrt(values.square().mean().getFloat());
    }
}
