package io.github.lrabench.models.fourier;

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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.github.lrabench.api.ModelRegistry;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformance;
import io.github.lrabench.testkit.ProviderConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's registration, configuration, paper result, sizes, FLOPs and engine behaviour. */
class FNetProviderTest {

    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);
    private static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);

    private final FNetProvider provider = new FNetProvider();

    @Test
    void isFoundThroughTheServicesFileAndNeedsNoEngineFeature() {
        try (ModelRegistry registry = ModelRegistry.load(getClass().getClassLoader())) {
            assertThat(registry.ids()).contains("fnet");
            assertThat(registry.get("fnet")).isInstanceOf(FNetProvider.class);
        }
        assertThat(provider.family()).isEqualTo("fourier");
        assertThat(provider.requiredEngineFeatures()).isEmpty();
    }

    @Test
    void paperResultIsTheLraImageNumberWithItsCitation() {
        PaperResult paper = provider.paperResult().orElseThrow();
        assertThat(paper.accuracy()).isEqualTo(38.67);
        assertThat(paper.taskVariant()).startsWith("LRA-Image");
        assertThat(paper.citation()).contains("Lee-Thorp", "NAACL 2022", "arXiv:2105.03824", "Table 4");
    }

    @Test
    void anInvalidMixingValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, TestConfigs.tinyWith("mixing", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.fnet.mixing")
                .hasMessageContaining("auto, fft, dft")
                .hasMessageContaining("'fast'");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        Config config = TestConfigs.tiny("auto")
                .withValue("hidden-size", ConfigValueFactory.fromAnyRef(0))
                .withValue("dropout", ConfigValueFactory.fromAnyRef(1.5))
                .withValue("pooling", ConfigValueFactory.fromAnyRef("max"))
                .withValue("num-layers", ConfigValueFactory.fromAnyRef("two"))
                .withoutPath("ffn-size");
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.fnet.hidden-size must be >= 1 but was 0")
                .hasMessageContaining("lra.models.fnet.dropout must lie in [0, 1) but was 1.5")
                .hasMessageContaining("lra.models.fnet.pooling must be one of cls, mean but was 'max'")
                .hasMessageContaining("lra.models.fnet.num-layers is invalid")
                .hasMessageContaining("lra.models.fnet.ffn-size is missing");
    }

    @Test
    void clsPoolingWithoutAClsTokenIsRefused() {
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, TestConfigs.tinyWith("cls-token", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.fnet.pooling = cls needs lra.models.fnet.cls-token = true");
    }

    @Test
    void fftMixingOnMXNetFailsClearlyWhileAutoRuns() {
        TaskSpec task = ProviderConformanceTest.TOKEN_TASK;
        SequenceClassifier fft = provider.create(task, TestConfigs.tiny("fft"));
        try (Model model = Model.newInstance("fnet", Device.cpu(), "MXNet")) {
            model.setBlock(fft.block());
            assertThatThrownBy(() -> fft.block().initialize(model.getNDManager(), DataType.FLOAT32,
                            task.inputShape(2)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("lra.models.fnet.mixing = fft")
                    .hasMessageContaining("MXNet");
        }
        for (String engine : new String[] {"PyTorch", "MXNet"}) {
            String mixing = engine.equals("PyTorch") ? "fft" : "auto";
            try (Model model = newModel(provider.create(task, TestConfigs.tiny(mixing)), engine, 1)) {
                assertThat(forward(model, task, false).getShape().get(1)).isEqualTo(10);
            }
        }
    }

    @Test
    void paperVariantHasTheLraBaseSizeAndCost() {
        SequenceClassifier paper = provider.create(LRA_IMAGE, TestConfigs.variant("paper"));
        // embedding 256·128 + CLS 128 + positions 1025·128 + LN 256 + layer (2 LN + 128→128→128 FFN) + head
        long expectedParameters = 256L * 128 + 128 + 1025L * 128 + 256 + (256 + 2 * (128L * 128 + 128) + 256)
                + (128L * 128 + 128) + (128L * 10 + 10);
        assertThat(expectedParameters).isEqualTo(215_690L);
        assertThat(trainableParameters(paper)).isEqualTo(expectedParameters);
        double n = 1025.0 * 128;
        double fft = 2.5 * n * Math.log(n) / Math.log(2) + 4.0 * 1025 * 128 * 128 + 2.0 * 128 * 128 + 2.0 * 128 * 10;
        assertThat(paper.forwardFlopsPerSample().orElseThrow()).isEqualTo(Math.round(fft));
        assertThat(paper.forwardFlopsPerSample().orElseThrow() / 1e9).isCloseTo(0.07, within(0.005));

        SequenceClassifier dft = provider.create(LRA_IMAGE,
                TestConfigs.variant("paper").withValue("mixing", ConfigValueFactory.fromAnyRef("dft")));
        assertThat(dft.forwardFlopsPerSample().orElseThrow() / 1e9).isCloseTo(0.67, within(0.005));
    }

    @Test
    void cpuVariantIsTheMeasuredTwoLayerModel() {
        Config cpu = TestConfigs.variant("cpu");
        assertThat(cpu.getInt("hidden-size")).isEqualTo(64);
        assertThat(cpu.getInt("num-layers")).isEqualTo(2);
        assertThat(cpu.getString("pooling")).isEqualTo("mean");
        for (TaskSpec task : new TaskSpec[] {LRA_IMAGE, SCIFAR}) {
            SequenceClassifier classifier = provider.create(task, cpu);
            long parameters = trainableParameters(classifier);
            long flops = classifier.forwardFlopsPerSample().orElseThrow();
            System.out.printf("fnet cpu variant on %s: %,d trainable parameters, %,d forward FLOPs per sample%n",
                    task.name(), parameters, flops);
            long embedding = task.isTokenInput() ? 256L * 64 : 3L * 64 + 64;
            long layer = 128 + (64L * 128 + 128) + (128L * 64 + 64) + 128;
            assertThat(parameters).isEqualTo(embedding + 1024L * 64 + 128 + 2 * layer + (64L * 64 + 64) + 650);
            double perLayer = 2.5 * 65536 * 16 + 4.0 * 1024 * 64 * 128;
            double projection = task.isTokenInput() ? 0 : 2.0 * 1024 * 3 * 64;
            assertThat(flops).isEqualTo(Math.round(projection + 2 * perLayer + 2.0 * 64 * 64 + 2.0 * 64 * 10));
        }
    }

    @Test
    void dropoutActsOnlyInTraining() {
        TaskSpec task = ProviderConformanceTest.CONTINUOUS_TASK;
        Config config = TestConfigs.tinyWith("dropout", 0.5);
        for (String engine : new String[] {"PyTorch", "MXNet"}) {
            try (Model model = newModel(provider.create(task, config), engine, 3)) {
                assertThat(forward(model, task, false).toFloatArray())
                        .as("evaluation on %s is deterministic", engine)
                        .containsExactly(forward(model, task, false).toFloatArray());
                assertThat(forward(model, task, true).toFloatArray())
                        .as("training on %s drops", engine)
                        .isNotEqualTo(forward(model, task, true).toFloatArray());
            }
        }
    }

    @Test
    void aModelTrainedWithFftOnPyTorchGivesTheSameLogitsWithDftOnMXNet(@TempDir Path dir) throws Exception {
        TaskSpec task = ProviderConformanceTest.TOKEN_TASK;
        Config config = TestConfigs.tiny("auto");
        float[] pytorch;
        try (Model model = newModel(provider.create(task, config), "PyTorch", 5)) {
            pytorch = forward(model, task, false).toFloatArray();
            model.save(dir, "fnet");
        }
        try (Model model = Model.newInstance("fnet", Device.cpu(), "MXNet")) {
            model.setBlock(provider.create(task, config).block());
            model.load(dir, "fnet");
            float[] mxnet = forward(model, task, false).toFloatArray();
            assertThat(mxnet).hasSameSizeAs(pytorch);
            for (int i = 0; i < mxnet.length; i++) {
                assertThat(mxnet[i]).as("logit %d", i).isCloseTo(pytorch[i], within(1e-3f));
            }
        }
    }

    @Test
    void dftAndFftMixingGiveTheSameLogitsOnPyTorch() {
        TaskSpec task = ProviderConformanceTest.CONTINUOUS_TASK;
        float[] fft;
        try (Model model = newModel(provider.create(task, TestConfigs.tiny("fft")), "PyTorch", 9)) {
            fft = forward(model, task, false).toFloatArray();
        }
        // the DFT matrices draw no random numbers, so the same seed gives the same trainable weights
        try (Model model = newModel(provider.create(task, TestConfigs.tiny("dft")), "PyTorch", 9)) {
            float[] dft = forward(model, task, false).toFloatArray();
            for (int i = 0; i < dft.length; i++) {
                assertThat(dft[i]).as("logit %d", i).isCloseTo(fft[i], within(1e-3f));
            }
        }
    }

    private static Model newModel(SequenceClassifier classifier, String engine, int seed) {
        Engine.getEngine(engine).setRandomSeed(seed);
        Model model = Model.newInstance("fnet", Device.cpu(), engine);
        model.setBlock(classifier.block());
        classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, classifier.task().inputShape(2));
        return model;
    }

    private static NDArray forward(Model model, TaskSpec task, boolean training) {
        NDManager manager = model.getNDManager().newSubManager();
        NDArray x = ProviderConformance.randomInput(manager, task, 2, 17);
        NDArray logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), training).head();
        logits.detach();
        manager.close();
        return logits;
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
