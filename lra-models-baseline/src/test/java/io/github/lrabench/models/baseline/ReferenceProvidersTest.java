package io.github.lrabench.models.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.github.lrabench.api.ModelRegistry;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformance;
import io.github.lrabench.testkit.ProviderConformanceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, the grid layout, refusals, sizes and FLOPs of the three reference providers. */
class ReferenceProvidersTest {

    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);
    private static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);

    @Test
    void allThreeAreFoundInTheFamilyReference() {
        try (ModelRegistry registry = ModelRegistry.load(getClass().getClassLoader())) {
            assertThat(registry.ids()).contains("bag-of-pixels", "linear", "cnn");
            for (String id : List.of("bag-of-pixels", "linear", "cnn")) {
                SequenceClassifierProvider provider = registry.get(id);
                assertThat(provider.family()).as(id).isEqualTo("reference");
                assertThat(provider.requiredEngineFeatures()).as(id).isEmpty();
            }
        }
        assertThat(new CnnProvider().paperResult().orElseThrow().accuracy()).isEqualTo(91.25);
        assertThat(new CnnProvider().paperResult().orElseThrow().citation()).contains("He", "ResNet-20", "Table 6");
        assertThat(new LinearProvider().paperResult()).isEmpty();
        assertThat(new BagOfPixelsProvider().paperResult()).isEmpty();
    }

    @Test
    void cnnGivesTheSameLogitsForTheSequenceAndForTheGridBuiltByHand() {
        for (TaskSpec task : List.of(ProviderConformanceTest.CONTINUOUS_TASK, ProviderConformanceTest.TOKEN_TASK)) {
            for (Config config : List.of(TestConfigs.tinyPlainCnn(), TestConfigs.tinyResidualCnn())) {
                SequenceClassifier cnn = new CnnProvider().create(task, config);
                try (Model model = newModel(cnn, "PyTorch", 3);
                        NDManager manager = model.getNDManager().newSubManager()) {
                    NDArray x = ProviderConformance.randomInput(manager, task, 2, 11);
                    ParameterStore store = new ParameterStore(manager, false);
                    float[] fromSequence = cnn.block().forward(store, new NDList(x), false).head().toFloatArray();
                    NDArray grid = manager.create(gridByHand(x, task), new Shape(2, 4, 4, channels(task)));
                    float[] fromGrid = ((CnnBlock) cnn.block()).forwardGrid(store, grid, false, null).head()
                            .toFloatArray();
                    assertThat(fromGrid).as("%s, %s", task.name(), config.root().render())
                            .containsExactly(fromSequence, within(1e-5f));
                    // and the layout matters: the transposed grid gives other logits
                    NDArray transposed = grid.transpose(0, 2, 1, 3);
                    assertThat(((CnnBlock) cnn.block()).forwardGrid(store, transposed, false, null).head()
                            .toFloatArray()).isNotEqualTo(fromSequence);
                }
            }
        }
    }

    /** Step t = row·S + column of sample b goes to grid[b][row][column][c]; tokens become token / 255. */
    private static float[] gridByHand(NDArray x, TaskSpec task) {
        int side = 4;
        int c = channels(task);
        float[] values = task.isTokenInput() ? toFloats(x.toType(DataType.INT32, false).toIntArray())
                : x.toFloatArray();
        float[] grid = new float[2 * side * side * c];
        for (int b = 0; b < 2; b++) {
            for (int row = 0; row < side; row++) {
                for (int column = 0; column < side; column++) {
                    for (int channel = 0; channel < c; channel++) {
                        int t = row * side + column;
                        float value = values[(b * side * side + t) * c + channel];
                        grid[((b * side + row) * side + column) * c + channel] =
                                task.isTokenInput() ? value / 255f : value;
                    }
                }
            }
        }
        return grid;
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static int channels(TaskSpec task) {
        return task.isTokenInput() ? 1 : task.channels();
    }

    @Test
    void cnnRefusesANonSquareLengthWithTheNumbers() {
        TaskSpec odd = new TaskSpec("odd", 1000, 3, 0, 10);
        assertThatThrownBy(() -> new CnnProvider().create(odd, TestConfigs.variant("cnn", "cpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task odd")
                .hasMessageContaining("L = 1000")
                .hasMessageContaining("31² = 961 < 1000 < 1024 = 32²");
    }

    @Test
    void cnnConfigurationProblemsAreReportedTogether() {
        Config config = TestConfigs.tinyResidualCnn()
                .withValue("stage-downsampling", ConfigValueFactory.fromAnyRef(List.of(1)))
                .withValue("stage-channels", ConfigValueFactory.fromAnyRef(List.of(6, 3)))
                .withValue("norm-groups", ConfigValueFactory.fromAnyRef(4))
                .withValue("downsample", ConfigValueFactory.fromAnyRef("avg"))
                .withoutPath("blocks-per-stage");
        assertThatThrownBy(() -> new CnnProvider().create(ProviderConformanceTest.CONTINUOUS_TASK, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.cnn.blocks-per-stage is missing")
                .hasMessageContaining("lra.models.cnn.downsample must be one of stride, max-pool but was 'avg'")
                .hasMessageContaining("lra.models.cnn.stage-downsampling needs one factor per stage (2")
                .hasMessageContaining("lra.models.cnn.stage-channels must not shrink")
                .hasMessageContaining("lra.models.cnn.norm-groups must divide every width")
                .hasMessageContaining("[6, 3]");
        assertThatThrownBy(() -> new CnnProvider().create(new TaskSpec("small", 4, 3, 0, 10),
                        TestConfigs.tinyPlainCnn()))
                .hasMessageContaining("shrinks the 2×2 grid of task small to nothing at stage 1");
    }

    @Test
    void bagOfPixelsIsBlindToPositions() {
        TaskSpec task = ProviderConformanceTest.CONTINUOUS_TASK;
        SequenceClassifier bag = new BagOfPixelsProvider().create(task, TestConfigs.tinyBag());
        try (Model model = newModel(bag, "PyTorch", 5); NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = ProviderConformance.randomInput(manager, task, 2, 12);
            NDArray reversed = x.flip(1);
            ParameterStore store = new ParameterStore(manager, false);
            assertThat(bag.block().forward(store, new NDList(reversed), false).head().toFloatArray())
                    .containsExactly(bag.block().forward(store, new NDList(x), false).head().toFloatArray(),
                            within(1e-5f));
        }
    }

    @Test
    void linearOnTokensIsTheLinearMapOfTheOneHotSequence() {
        TaskSpec task = ProviderConformanceTest.TOKEN_TASK;
        SequenceClassifier linear = new LinearProvider().create(task, TestConfigs.variant("linear", "cpu"));
        try (Model model = newModel(linear, "PyTorch", 6); NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = ProviderConformance.randomInput(manager, task, 2, 13);
            float[] logits = linear.block().forward(new ParameterStore(manager, false), new NDList(x), false).head()
                    .toFloatArray();
            float[] w = linear.block().getParameters().get("weight").getArray().toFloatArray();
            float[] bias = linear.block().getParameters().get("bias").getArray().toFloatArray();
            int[] tokens = x.toType(DataType.INT32, false).toIntArray();
            int length = task.sequenceLength();
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < 10; k++) {
                    // one-hot(x) · W: the one non-zero entry of position t is at (t, x_t)
                    double sum = bias[k];
                    for (int t = 0; t < length; t++) {
                        sum += w[(t * 256 + tokens[b * length + t]) * 10 + k];
                    }
                    assertThat(logits[b * 10 + k]).as("logit %d of sample %d", k, b)
                            .isCloseTo((float) sum, within(1e-4f));
                }
            }
        }
    }

    @Test
    void paperCnnIsResNet20WithItsPublishedSize() {
        SequenceClassifier resnet = new CnnProvider().create(SCIFAR, TestConfigs.variant("cnn", "paper"));
        // conv 3→16, 6 convs 16→16, 16→32 + 5× 32→32, 32→64 + 5× 64→64 (3×3, no bias), 19 norms (γ, β), dense
        long convs = 9L * (3 * 16 + 6 * 16 * 16 + 16 * 32 + 5 * 32 * 32 + 32 * 64 + 5 * 64 * 64);
        long norms = 2L * (7 * 16 + 6 * 32 + 6 * 64);
        assertThat(trainableParameters(resnet)).isEqualTo(convs + norms + 64 * 10 + 10).isEqualTo(269_722L);
        long flops = 2L * 9 * (3 * 16 * 1024 + 6 * 16 * 16 * 1024 + 16 * 32 * 256 + 5 * 32 * 32 * 256
                + 32 * 64 * 64 + 5 * 64 * 64 * 64) + 2 * 64 * 10;
        assertThat(resnet.forwardFlopsPerSample().orElseThrow()).isEqualTo(flops);
        assertThat(flops / 1e6).isCloseTo(81.1, within(0.05));
    }

    @Test
    void sizesOfEveryVariantOnBothProtocols() {
        for (String id : List.of("bag-of-pixels", "linear", "cnn")) {
            for (String variant : List.of("cpu", "paper")) {
                for (TaskSpec task : List.of(LRA_IMAGE, SCIFAR)) {
                    SequenceClassifierProvider provider = switch (id) {
                        case "bag-of-pixels" -> new BagOfPixelsProvider();
                        case "linear" -> new LinearProvider();
                        default -> new CnnProvider();
                    };
                    SequenceClassifier classifier = provider.create(task, TestConfigs.variant(id, variant));
                    long parameters = trainableParameters(classifier);
                    long flops = classifier.forwardFlopsPerSample().orElseThrow();
                    System.out.printf("%s %s on %s: %,d trainable parameters, %,d forward FLOPs per sample%n", id,
                            variant, task.name(), parameters, flops);
                    assertThat(parameters).isPositive();
                    if (id.equals("linear")) {
                        assertThat(parameters).isEqualTo(task.isTokenInput() ? 1024L * 256 * 10 + 10
                                : 1024L * 3 * 10 + 10);
                    }
                }
            }
        }
    }

    private static Model newModel(SequenceClassifier classifier, String engine, int seed) {
        Engine.getEngine(engine).setRandomSeed(seed);
        Model model = Model.newInstance(classifier.id(), Device.cpu(), engine);
        model.setBlock(classifier.block());
        classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, classifier.task().inputShape(2));
        return model;
    }

    private static long trainableParameters(SequenceClassifier classifier) {
        try (Model model = newModel(classifier, "PyTorch", 1)) {
            long total = 0;
            for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    total += parameter.getValue().getArray().size();
                }
            }
            return total;
        }
    }
}
