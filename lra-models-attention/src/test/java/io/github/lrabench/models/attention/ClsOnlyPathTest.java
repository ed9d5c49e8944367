package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.ProviderConfigTest.LRA_IMAGE;
import static io.github.lrabench.models.attention.ProviderConfigTest.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLS-only path of the last encoder layer ({@code attention-path = auto}) gives the logits and the gradient of
 * every parameter of the full computation, and is selected exactly where it is exact.
 */
class ClsOnlyPathTest {

    /** 15 tokens + CLS = 16 encoded positions, so that 4 Nyström landmarks divide it. */
    private static final TaskSpec TASK = new TaskSpec("tiny-tokens", 15, 1, 16, 3);
    private static final int BATCH = 3;
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0} {1}, {2} layers, slice {3}")
    @CsvSource({
        "PyTorch, transformer, 1, 0", "PyTorch, transformer, 2, 1", "PyTorch, pit, 2, 0", "PyTorch, pit, 1, 1",
        "PyTorch, nystromformer, 1, 0", "PyTorch, nystromformer, 2, 0",
        "MXNet, transformer, 1, 0", "MXNet, transformer, 2, 1", "MXNet, pit, 2, 0", "MXNet, nystromformer, 2, 0"})
    void fastPathGivesTheFullOutputsAndGradients(String engine, String id, int layers, int slice) {
        for (boolean mask : new boolean[] {false, true}) {
            Config auto = tiny(id, layers, slice, "cls", mask, "auto");
            Config full = tiny(id, layers, slice, "cls", mask, "full");
            EncoderClassifierBlock fast = block(id, auto);
            EncoderClassifierBlock slow = block(id, full);
            assertThat(fast.layers().get(layers - 1).isClsOnly()).isTrue();
            assertThat(slow.layers()).noneMatch(EncoderBlock::isClsOnly);
            try (NDManager manager = TestSupport.manager(engine)) {
                List<float[]> expected = logitsAndGradients(engine, manager, slow);
                List<float[]> actual = logitsAndGradients(engine, manager, fast);
                List<String> names = parameterNames(slow);
                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    String what = i == 0 ? "logits" : "gradient of " + names.get(i - 1);
                    assertThat(TestSupport.maxAbsDiff(actual.get(i), expected.get(i)))
                            .as("%s, %s %s, %d layers, mask %s", what, engine, id, layers, mask)
                            .isLessThan(TOLERANCE);
                }
                // the comparison can fail: the last layer's query weight gets a gradient through the CLS row alone
                String lastQuery = "layer" + (layers - 1) + "_02attention_01query_weight";
                int query = names.indexOf(names.stream().filter(n -> n.endsWith(lastQuery)).findFirst().orElse(""));
                assertThat(query).as("parameter names %s", names).isNotNegative();
                assertThat(TestSupport.maxAbsDiff(expected.get(query + 1), new float[expected.get(query + 1).length]))
                        .isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void onlyTheLastLayerUnderClsPoolingTakesTheShortcut() {
        EncoderClassifierBlock twoLayers = block("transformer", tiny("transformer", 2, 0, "cls", false, "auto"));
        assertThat(twoLayers.layers()).extracting(EncoderBlock::isClsOnly).containsExactly(false, true);
        EncoderClassifierBlock mean = block("transformer", tiny("transformer", 2, 0, "mean", false, "auto"));
        assertThat(mean.layers()).noneMatch(EncoderBlock::isClsOnly);
        EncoderClassifierBlock forced = block("pit", tiny("pit", 1, 0, "cls", false, "full"));
        assertThat(forced.layers()).noneMatch(EncoderBlock::isClsOnly);
    }

    @Test
    void flopsCountWhatEachPathComputes() {
        SequenceClassifierProvider transformer = new TransformerProvider();
        long fast = transformer.create(LRA_IMAGE, variant(transformer, "paper")).forwardFlopsPerSample().getAsLong();
        long full = transformer.create(LRA_IMAGE, ConfigFactory.parseString("attention-path = full")
                .withFallback(variant(transformer, "paper"))).forwardFlopsPerSample().getAsLong();
        // transformer_base, L' = 1025, d 128, qkv 64, MLP 128, head 128 -> 10: keys and values for every position,
        // the CLS row's query, attention (4 L' qkv), output projection and MLP, then the head
        long expectedFast = 2L * 1025 * 2 * 128 * 64 + 2L * 128 * 64 + 4L * 1025 * 64 + 2L * 64 * 128
                + 4L * 128 * 128 + 2L * 128 * 128 + 2L * 128 * 10;
        assertThat(fast).isEqualTo(expectedFast);
        assertThat(full / 0.40e9).isCloseTo(1.0, within(0.02));
        // mean pooling: the two settings are the same computation
        SequenceClassifierProvider nystrom = new NystromformerProvider();
        long meanAuto = nystrom.create(LRA_IMAGE, variant(nystrom, "paper")).forwardFlopsPerSample().getAsLong();
        long meanFull = nystrom.create(LRA_IMAGE, ConfigFactory.parseString("attention-path = full")
                .withFallback(variant(nystrom, "paper"))).forwardFlopsPerSample().getAsLong();
        assertThat(meanAuto).isEqualTo(meanFull);
    }

    @Test
    void anUnknownPathIsRejectedWithItsKey() {
        SequenceClassifierProvider transformer = new TransformerProvider();
        Config bad = ConfigFactory.parseString("attention-path = fast, linear-init = glorot")
                .withFallback(variant(transformer, "paper"));
        assertThatThrownBy(() -> transformer.create(LRA_IMAGE, bad))
                .hasMessageContaining("lra.models.transformer.attention-path")
                .hasMessageContaining("must be auto or full but was 'fast'")
                .hasMessageContaining("lra.models.transformer.linear-init");
    }

    private static Config tiny(String id, int layers, int slice, String pooling, boolean mask, String path) {
        SequenceClassifierProvider provider = provider(id);
        return ConfigFactory.parseString(String.format("""
                embedding-size = 8, num-layers = %d, num-heads = 2, qkv-size = 8, mlp-size = 16, dropout = 0
                attention-dropout = 0, attention-slice-size = %d, pooling = %s, head-hidden-size = 8
                mask-zero-tokens = %s, attention-path = %s, num-landmarks = 4, conv-kernel-size = 3
                """, layers, slice, pooling, mask, path)).withFallback(variant(provider, "paper"));
    }

    private static SequenceClassifierProvider provider(String id) {
        return switch (id) {
            case "transformer" -> new TransformerProvider();
            case "pit" -> new PitProvider();
            case "nystromformer" -> new NystromformerProvider();
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static EncoderClassifierBlock block(String id, Config config) {
        return (EncoderClassifierBlock) provider(id).create(TASK, config).block();
    }

    private static List<String> parameterNames(EncoderClassifierBlock block) {
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            names.add(parameter.getKey());
        }
        return names;
    }

    /** Returns the logits and the gradient of {@code sum(logits · r)} w.r.t. every parameter, in order. */
    private static List<float[]> logitsAndGradients(String engine, NDManager manager, EncoderClassifierBlock block) {
        TestSupport.initializeWithSeededValues(block, manager, 40, new Shape(BATCH, TASK.sequenceLength()));
        Random random = new Random(7);
        int[] tokens = new int[BATCH * TASK.sequenceLength()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(TASK.vocabularySize());
        }
        NDArray x = manager.create(tokens, new Shape(BATCH, TASK.sequenceLength()));
        NDArray r = manager.create(TestSupport.gaussian(8, BATCH * TASK.numClasses(), 1.0),
                new Shape(BATCH, TASK.numClasses()));
        List<float[]> results = new ArrayList<>();
        try (GradientCollector collector = Engine.getEngine(engine).newGradientCollector()) {
            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
            results.add(logits.toFloatArray());
            collector.backward(logits.mul(r).sum());
        }
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            results.add(parameter.getValue().getArray().getGradient().toType(DataType.FLOAT32, false)
                    .toFloatArray());
        }
        return results;
    }
}
