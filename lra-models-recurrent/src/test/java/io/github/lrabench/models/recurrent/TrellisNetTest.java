package io.github.lrabench.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TrellisNet's defining properties: causality, one weight set for all levels, dropout only in training. */
class TrellisNetTest {

    private static final TaskSpec FLOATS = new TaskSpec("floats", 16, 3, 0, 10);
    private static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);
    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);

    private static final String SMALL = """
            embedding-size = 4
            hidden-size = 3
            output-size = 3
            num-levels = 4
            dilations = [1, 2, 4, 8]
            init-std = 0.3
            """;

    private static final String WITH_DROPOUT = SMALL + """
            dropout = 0.3
            input-dropout = 0.3
            hidden-dropout = 0.3
            weight-dropout = 0.3
            """;

    private static TrellisNetBlock block(TaskSpec task, String overrides) {
        return new TrellisNetBlock(task, TrellisNetConfig.from(TestModels.config(TrellisNetProvider.ID, overrides),
                task));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void stepTDependsOnlyOnStepsUpToT(String engine) {
        TrellisNetBlock block = block(FLOATS, WITH_DROPOUT);
        int t = 6;
        try (Model model = TestModels.model(block, FLOATS.inputShape(2), engine, 11);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = ProviderConformance.randomInput(manager, FLOATS, 2, 1);
            NDArray future = ProviderConformance.randomInput(manager, FLOATS, 2, 2);
            NDArray changed = x.get(new NDIndex(":, 0:{}, :", t + 1))
                    .concat(future.get(new NDIndex(":, {}:, :", t + 1)), 1);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray before = block.hiddenSequence(store, x, false);
            NDArray after = block.hiddenSequence(store, changed, false);

            assertThat(TestModels.maxAbsDifference(
                            before.get(new NDIndex(":, 0:{}, :", t + 1)).toFloatArray(),
                            after.get(new NDIndex(":, 0:{}, :", t + 1)).toFloatArray()))
                    .as("change of the states at steps <= %d when only later inputs change", t)
                    .isLessThan(1e-6);
            assertThat(TestModels.maxAbsDifference(
                            before.get(new NDIndex(":, {}, :", t + 1)).toFloatArray(),
                            after.get(new NDIndex(":, {}, :", t + 1)).toFloatArray()))
                    .as("change of the state at step %d when its own input changes", t + 1)
                    .isGreaterThan(1e-5);
        }
    }

    @Test
    void lastStepSeesTheFirstStepWhenTheReceptiveFieldCoversTheSequence() {
        TrellisNetBlock block = block(FLOATS, SMALL);
        try (Model model = TestModels.model(block, FLOATS.inputShape(1), "PyTorch", 12);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = ProviderConformance.randomInput(manager, FLOATS, 1, 3);
            NDArray changed = manager.ones(new Shape(1, 1, 3))
                    .concat(x.get(new NDIndex(":, 1:, :")), 1);
            ParameterStore store = new ParameterStore(manager, false);
            float[] before = block.hiddenSequence(store, x, false).get(new NDIndex(":, 15, :")).toFloatArray();
            float[] after = block.hiddenSequence(store, changed, false).get(new NDIndex(":, 15, :")).toFloatArray();
            assertThat(TestModels.maxAbsDifference(before, after))
                    .as("effect of the input at step 0 on the state at step 15 (receptive field 16)")
                    .isGreaterThan(1e-7);
        }
    }

    @Test
    void parameterCountDoesNotGrowWithDepth() {
        String partial = SMALL + "allow-partial-receptive-field = true\n";
        long shallow = initialisedParameterCount(FLOATS, block(FLOATS, partial + "num-levels = 2"));
        long deep = initialisedParameterCount(FLOATS, block(FLOATS, partial + "num-levels = 9"));
        assertThat(deep).as("parameters with 9 levels vs 2 levels").isEqualTo(shallow);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void parameterCountFormulaMatchesTheBlock(boolean weightNorm) {
        for (TaskSpec task : new TaskSpec[] {FLOATS, new TaskSpec("tokens", 16, 1, 256, 10)}) {
            String overrides = SMALL + "weight-norm = " + weightNorm;
            TrellisNetConfig config = TrellisNetConfig.from(TestModels.config(TrellisNetProvider.ID, overrides), task);
            assertThat(initialisedParameterCount(task, new TrellisNetBlock(task, config)))
                    .as("parameters of %s with weight-norm = %s", task.name(), weightNorm)
                    .isEqualTo(config.parameterCount(task));
        }
    }

    private static long initialisedParameterCount(TaskSpec task, TrellisNetBlock block) {
        try (Model model = TestModels.model(block, task.inputShape(1), "PyTorch", 1)) {
            return TestModels.parameterCount(model.getBlock());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void dropoutActsInTrainingOnly(String engine) {
        TrellisNetBlock block = block(FLOATS, WITH_DROPOUT);
        try (Model model = TestModels.model(block, FLOATS.inputShape(2), engine, 13);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = ProviderConformance.randomInput(manager, FLOATS, 2, 4);
            float[] eval1 = TestModels.forward(block, x, false).toFloatArray();
            float[] eval2 = TestModels.forward(block, x, false).toFloatArray();
            float[] train1 = TestModels.forward(block, x, true).toFloatArray();
            float[] train2 = TestModels.forward(block, x, true).toFloatArray();
            assertThat(eval2).as("two evaluation forwards").containsExactly(eval1);
            assertThat(TestModels.maxAbsDifference(train1, train2)).as("two training forwards differ").isGreaterThan(0);
            assertThat(TestModels.maxAbsDifference(train1, eval1)).as("training vs evaluation").isGreaterThan(0);
        }
    }

    @Test
    void eachDropoutAloneChangesTrainingOutputs() {
        for (String key : new String[] {"dropout", "input-dropout", "hidden-dropout", "weight-dropout"}) {
            TrellisNetBlock block = block(FLOATS, SMALL + key + " = 0.5");
            try (Model model = TestModels.model(block, FLOATS.inputShape(2), "PyTorch", 14);
                    NDManager manager = model.getNDManager().newSubManager()) {
                NDArray x = ProviderConformance.randomInput(manager, FLOATS, 2, 5);
                float[] eval = TestModels.forward(block, x, false).toFloatArray();
                float[] train = TestModels.forward(block, x, true).toFloatArray();
                assertThat(TestModels.maxAbsDifference(train, eval)).as("effect of %s = 0.5 in training", key)
                        .isGreaterThan(0);
            }
        }
    }

    @Test
    void shortReceptiveFieldIsRefusedNamingFieldAndLength() {
        Config config = TestModels.config(TrellisNetProvider.ID, "num-levels = 5\ndilations = [1, 1, 2, 4, 8]");
        assertThatThrownBy(() -> new TrellisNetProvider().create(SCIFAR, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receptive field 17")
                .hasMessageContaining("sequence length 1024")
                .hasMessageContaining("lra.models.trellisnet.allow-partial-receptive-field");
        Config allowed = TestModels.config(TrellisNetProvider.ID,
                "num-levels = 5\ndilations = [1, 1, 2, 4, 8]\nallow-partial-receptive-field = true");
        assertThatCode(() -> new TrellisNetProvider().create(SCIFAR, allowed)).doesNotThrowAnyException();
    }

    @Test
    void invalidValuesAreReportedTogetherByKey() {
        Config config = TestModels.config(TrellisNetProvider.ID,
                "hidden-size = -1\ndropout = 1.5\npooling = max\ndilations = []");
        assertThatThrownBy(() -> new TrellisNetProvider().create(SCIFAR, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.trellisnet.hidden-size must be >= 0 but was -1")
                .hasMessageContaining("lra.models.trellisnet.dropout must lie in [0, 1) but was 1.5")
                .hasMessageContaining("lra.models.trellisnet.pooling must be one of [last, mean] but was 'max'")
                .hasMessageContaining("lra.models.trellisnet.dilations must not be empty");
    }

    @Test
    void receptiveFieldOfThePaperConfigurationIs1025() {
        TrellisNetConfig paper = TrellisNetConfig.from(TestModels.variant(TrellisNetProvider.ID, "paper"), SCIFAR);
        assertThat(paper.receptiveField()).isEqualTo(1025);
        assertThat(paper.stateSize()).isEqualTo(130);
        assertThat(paper.distinctDilations()).isEqualTo(10);
    }

    @Test
    void paperConfigurationHasTheReferenceParameterCountPlusTheEmbedding() {
        TrellisNetConfig paper = TrellisNetConfig.from(TestModels.variant(TrellisNetProvider.ID, "paper"), SCIFAR);
        long embedding = 3 * 3 + 3 + 1024 * 3;
        assertThat(paper.parameterCount(SCIFAR) - embedding).as("models.md §2.3: 139,990").isEqualTo(139_990);
    }

    @Test
    void flopsFollowTheFormulaOfTheActualConfiguration() {
        Config full = ConfigFactory.parseString("level-path = full")
                .withFallback(TestModels.variant(TrellisNetProvider.ID, "paper"));
        TrellisNetConfig paper = TrellisNetConfig.from(full, SCIFAR);
        long h = 130;
        long expected = 2L * 1024 * 3 * 3 // input projection
                + 10 * 2L * 1024 * (2 * 3) * (4 * h) // 10 distinct dilations, injection
                + 10 * 2L * 1024 * (2 * h) * (4 * h) // 11 levels, the first without a hidden convolution
                + 2L * 10 * 10; // head
        assertThat(paper.forwardFlops(SCIFAR)).isEqualTo(expected);
        assertThat(new TrellisNetProvider().create(SCIFAR, full).forwardFlopsPerSample()).hasValue(expected);
        assertThat(expected / 1e9).as("GFLOP, models.md §2.4 ≈ 3.1 for all 11 levels").isBetween(2.8, 3.2);
    }

    @Test
    void bothVariantsBuildForBothProtocolsAndMatchTheirFormula() {
        for (String variant : new String[] {"paper", "cpu"}) {
            for (TaskSpec task : new TaskSpec[] {SCIFAR, LRA_IMAGE}) {
                Config config = TestModels.variant(TrellisNetProvider.ID, variant);
                TrellisNetConfig settings = TrellisNetConfig.from(config, task);
                TrellisNetBlock block = new TrellisNetBlock(task, settings);
                try (Model model = TestModels.model(block, task.inputShape(1), "PyTorch", 1)) {
                    long count = TestModels.parameterCount(model.getBlock());
                    assertThat(count).as("%s on %s", variant, task.name()).isEqualTo(settings.parameterCount(task));
                    System.out.printf("trellisnet %s on %s: %,d parameters, %,d forward FLOPs per sample%n", variant,
                            task.name(), count, settings.forwardFlops(task));
                }
            }
        }
    }
}
