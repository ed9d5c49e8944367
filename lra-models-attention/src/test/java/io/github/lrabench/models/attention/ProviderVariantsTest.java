package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.ProviderConfigTest.LRA_IMAGE;
import static io.github.lrabench.models.attention.ProviderConfigTest.SCIFAR;
import static io.github.lrabench.models.attention.ProviderConfigTest.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The providers as a runner sees them: registration, paper results, both variants on the real tasks, and the
 * published sizes and FLOPs (models.md §4.3, §5.3, §7, §9) reproduced from the {@code paper} variants.
 */
class ProviderVariantsTest {

    private static final List<SequenceClassifierProvider> PROVIDERS =
            List.of(new PitProvider(), new NystromformerProvider(), new TransformerProvider());

    @Test
    void theServiceLoaderFindsTheThreeProviders() {
        List<String> ids = ServiceLoader.load(io.github.lrabench.api.SequenceClassifierProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.family().equals("attention"))
                .map(SequenceClassifierProvider::id)
                .collect(Collectors.toList());
        assertThat(ids).containsExactlyInAnyOrder("pit", "nystromformer", "transformer");
    }

    @Test
    void paperResultsNameTheirTask() {
        assertThat(new PitProvider().paperResult()).hasValueSatisfying(r -> {
            assertThat(r.accuracy()).isEqualTo(85.1);
            assertThat(r.taskVariant()).contains("CIFAR-100");
            assertThat(r.citation()).contains("2406.09415");
        });
        assertThat(new NystromformerProvider().paperResult()).hasValueSatisfying(r -> {
            assertThat(r.accuracy()).isEqualTo(41.58);
            assertThat(r.taskVariant()).contains("LRA-Image");
        });
        assertThat(new TransformerProvider().paperResult()).hasValueSatisfying(r -> {
            assertThat(r.accuracy()).isEqualTo(42.44);
            assertThat(r.taskVariant()).contains("LRA-Image");
        });
    }

    @Test
    void bothVariantsBuildForBothFullSizeTasks() {
        for (SequenceClassifierProvider provider : PROVIDERS) {
            assertThat(ModelConfigs.hasVariant(com.typesafe.config.ConfigFactory.defaultReference(), provider.id(),
                    "paper")).isTrue();
            for (String name : new String[] {"paper", "cpu"}) {
                for (var task : List.of(LRA_IMAGE, SCIFAR)) {
                    SequenceClassifier classifier = provider.create(task, variant(provider, name));
                    assertThat(classifier.id()).isEqualTo(provider.id());
                    assertThat(classifier.forwardFlopsPerSample()).isPresent();
                }
            }
            long paper = provider.create(LRA_IMAGE, variant(provider, "paper")).forwardFlopsPerSample().getAsLong();
            long cpu = provider.create(LRA_IMAGE, variant(provider, "cpu")).forwardFlopsPerSample().getAsLong();
            System.out.printf("%s forward FLOPs per sample at L=1024 (lra-image): paper %,d, cpu %,d%n",
                    provider.id(), paper, cpu);
        }
    }

    @Test
    void paperFlopsMatchModelsMd() {
        // models.md: PiT-T ≈ 20.6 GFLOP (L = 1025), Nyströmformer ≈ 0.30, LRA Transformer ≈ 0.40, all for the full
        // computation (attention-path = full); the CLS-only last layer saves PiT-T about one of its 12 layers
        assertThat(flops(new PitProvider(), "paper", false, "full") / 20.6e9).isCloseTo(1.0, within(0.01));
        assertThat(flops(new NystromformerProvider(), "paper", true) / 0.30e9).isCloseTo(1.0, within(0.02));
        assertThat(flops(new TransformerProvider(), "paper", true, "full") / 0.40e9).isCloseTo(1.0, within(0.02));
        double pitSaved = 1 - (double) flops(new PitProvider(), "paper", false)
                / flops(new PitProvider(), "paper", false, "full");
        assertThat(pitSaved).isBetween(1 / 12.0 * 0.8, 1 / 12.0);
    }

    @Test
    void paperParameterCountsMatchModelsMd() {
        // PiT-T on RGB pixels: 12·(12d² + 13d) + 1025d (positions) + d (CLS) + 4d (projection) + 2d (final LN)
        // + 10d + 10 (head), d = 192 → 5,538,442 (models.md: 5.54 M)
        assertThat(parameters(new PitProvider(), "paper", false)).isEqualTo(5_538_442L);
        // models.md's 175,126 uses a 512-token table; the LRA task's 256 tokens remove 256·64 = 16,384
        assertThat(parameters(new NystromformerProvider(), "paper", true)).isEqualTo(175_126L - 256 * 64);
        // 256·128 + 1025·128 + 128 (CLS) + 4·128·64 (no biases) + 33,024 (MLP) + 768 (LNs) + 17,802 (head)
        assertThat(parameters(new TransformerProvider(), "paper", true)).isEqualTo(248_458L);
    }

    @Test
    void cpuVariantsAreSmallerThanPaperOnes() {
        for (SequenceClassifierProvider provider : PROVIDERS) {
            for (boolean tokens : new boolean[] {true, false}) {
                long cpuParams = parameters(provider, "cpu", tokens);
                long cpuFlops = flops(provider, "cpu", tokens);
                System.out.printf("%s cpu variant on %s: %,d parameters, %,d forward FLOPs per sample%n",
                        provider.id(), tokens ? "lra-image" : "scifar", cpuParams, cpuFlops);
                assertThat(cpuFlops).isLessThanOrEqualTo(flops(provider, "paper", tokens));
            }
        }
    }

    private static long flops(SequenceClassifierProvider provider, String variant, boolean tokens) {
        return provider.create(tokens ? LRA_IMAGE : SCIFAR, variant(provider, variant))
                .forwardFlopsPerSample().getAsLong();
    }

    private static long flops(SequenceClassifierProvider provider, String variant, boolean tokens, String path) {
        return provider.create(tokens ? LRA_IMAGE : SCIFAR, com.typesafe.config.ConfigFactory
                        .parseString("attention-path = " + path).withFallback(variant(provider, variant)))
                .forwardFlopsPerSample().getAsLong();
    }

    private static long parameters(SequenceClassifierProvider provider, String variant, boolean tokens) {
        var task = tokens ? LRA_IMAGE : SCIFAR;
        Block block = provider.create(task, variant(provider, variant)).block();
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            block.initialize(manager, DataType.FLOAT32, task.inputShape(1));
            long count = 0;
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                count += parameter.getValue().getArray().getShape().size();
            }
            return count;
        }
    }
}
