package io.github.lrabench.models.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.ModelRegistry;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.ParameterGroup;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider's registration, configuration, paper result, sizes, FLOPs and parameter group. */
class S4DProviderTest {

    private static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);
    private static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);

    private final S4DProvider provider = new S4DProvider();

    @Test
    void isFoundThroughTheServicesFileAndNeedsTheFftFeature() {
        try (ModelRegistry registry = ModelRegistry.load(getClass().getClassLoader())) {
            assertThat(registry.ids()).contains("s4d");
            assertThat(registry.get("s4d")).isInstanceOf(S4DProvider.class);
        }
        assertThat(provider.family()).isEqualTo("state-space");
        assertThat(provider.requiredEngineFeatures()).containsExactly(EngineFeatures.FFT);
        assertThat(EngineFeatures.missing(provider, "MXNet")).containsExactly(EngineFeatures.FFT);
        assertThat(EngineFeatures.missing(provider, "PyTorch")).isEmpty();
    }

    @Test
    void paperResultIsTheS4dExampleOnSequentialCifar() {
        PaperResult paper = provider.paperResult().orElseThrow();
        assertThat(paper.accuracy()).isEqualTo(88.0);
        assertThat(paper.taskVariant()).startsWith("sCIFAR");
        assertThat(paper.citation()).contains("Gu", "NeurIPS 2022", "arXiv:2206.11893", "example.py");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        Config config = TestConfigs.tiny()
                .withValue("d-model", ConfigValueFactory.fromAnyRef(0))
                .withValue("state-size", ConfigValueFactory.fromAnyRef(7))
                .withValue("dropout", ConfigValueFactory.fromAnyRef(1.0))
                .withValue("dt-min", ConfigValueFactory.fromAnyRef(0.5))
                .withValue("prenorm", ConfigValueFactory.fromAnyRef("sometimes"))
                .withoutPath("ssm-learning-rate");
        assertThatThrownBy(() -> provider.create(SCIFAR, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.s4d.d-model must be >= 1 but was 0")
                .hasMessageContaining("lra.models.s4d.state-size must be even and >= 2")
                .hasMessageContaining("lra.models.s4d.dropout must lie in [0, 1) but was 1.0")
                .hasMessageContaining("lra.models.s4d.dt-min and dt-max must satisfy")
                .hasMessageContaining("lra.models.s4d.prenorm is invalid")
                .hasMessageContaining("lra.models.s4d.ssm-learning-rate is missing");
    }

    @Test
    void theSsmGroupHoldsExactlyDeltaAndLambdaOfEveryLayer() {
        SequenceClassifier classifier = provider.create(SCIFAR, TestConfigs.tinyWith("ssm-learning-rate", 0.002));
        assertThat(classifier.parameterGroups()).hasSize(1);
        ParameterGroup ssm = classifier.parameterGroups().get(0);
        assertThat(ssm.name()).isEqualTo("ssm");
        assertThat(ssm.learningRate().getAsDouble()).isEqualTo(0.002);
        assertThat(ssm.weightDecay()).isFalse();
        List<String> matched = new ArrayList<>();
        for (Pair<String, Parameter> parameter : classifier.block().getParameters()) {
            if (ssm.matches(parameter.getKey())) {
                matched.add(parameter.getKey().replaceAll("^.*_", ""));
            }
        }
        assertThat(matched).containsExactly("logDt", "logAReal", "aImag", "logDt", "logAReal", "aImag");
    }

    @Test
    void paperVariantIsTheTwoHundredThousandParameterExample() {
        Config paper = TestConfigs.variant("paper");
        assertThat(paper.getBoolean("prenorm")).isFalse();
        SequenceClassifier classifier = provider.create(SCIFAR, paper);
        // encoder 3→128; per layer: logDt 128, Λ 2·128·32, C 2·128·32, D 128, GLU map 128→256 (+bias), norm 256;
        // decoder 128→10
        long perLayer = 128 + 2 * 128 * 32 + 2 * 128 * 32 + 128 + (256L * 128 + 256) + 256;
        long expected = 3 * 128 + 128 + 4 * perLayer + 128 * 10 + 10;
        assertThat(expected).isEqualTo(201_482L);
        assertThat(trainableParameters(classifier)).isEqualTo(expected);
        double fft = 2.5 * 2048 * 11;
        double layer = 128 * (2 * fft + 6 * 1025 + 2 * 1024) + 4.0 * 128 * 128 * 1024;
        assertThat(classifier.forwardFlopsPerSample().orElseThrow())
                .isEqualTo(Math.round(2.0 * 1024 * 3 * 128 + 4 * layer + 2 * 128 * 10));
    }

    @Test
    void cpuVariantIsSmallAndPrenorm() {
        Config cpu = TestConfigs.variant("cpu");
        assertThat(cpu.getBoolean("prenorm")).isTrue();
        for (TaskSpec task : new TaskSpec[] {LRA_IMAGE, SCIFAR}) {
            SequenceClassifier classifier = provider.create(task, cpu);
            long parameters = trainableParameters(classifier);
            System.out.printf("s4d cpu variant on %s: %,d trainable parameters, %,d forward FLOPs per sample%n",
                    task.name(), parameters, classifier.forwardFlopsPerSample().orElseThrow());
            assertThat(parameters).isLessThan(60_000);
        }
    }

    private static long trainableParameters(SequenceClassifier classifier) {
        try (Model model = Model.newInstance("s4d", Device.cpu(), "PyTorch")) {
            model.setBlock(classifier.block());
            classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, classifier.task().inputShape(2));
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
