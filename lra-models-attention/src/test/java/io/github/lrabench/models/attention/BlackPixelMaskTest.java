package io.github.lrabench.models.attention;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mask-zero-tokens} on a whole model: with no zero token the logits are exactly those without the mask;
 * with zero tokens they differ.
 */
class BlackPixelMaskTest {

    private static final TaskSpec TASK = new TaskSpec("tokens", 16, 1, 16, 10);

    @ParameterizedTest
    @CsvSource({"transformer, cls", "transformer, mean", "nystromformer, mean", "pit, cls"})
    void maskActsOnlyOnZeroTokens(String id, String pooling) {
        SequenceClassifierProvider provider = switch (id) {
            case "transformer" -> new TransformerProvider();
            case "nystromformer" -> new NystromformerProvider();
            default -> new PitProvider();
        };
        Config base = ConfigFactory.parseString("""
                embedding-size = 8, num-layers = 2, num-heads = 2, qkv-size = 8, mlp-size = 16
                num-landmarks = 4, conv-kernel-size = 3
                """)
                .withFallback(ConfigFactory.parseString("pooling = " + pooling))
                .withFallback(ProviderConfigTest.variant(provider, "cpu"));
        int[] noZeros = new int[2 * 16];
        int[] someZeros = new int[2 * 16];
        for (int i = 0; i < noZeros.length; i++) {
            noZeros[i] = 1 + (i * 7) % 15;
            someZeros[i] = i % 5 == 0 ? 0 : noZeros[i];
        }
        float[][] plain = logits(provider, base, false, noZeros, someZeros);
        float[][] masked = logits(provider, base, true, noZeros, someZeros);
        assertThat(masked[0]).as("logits without zero tokens").containsExactly(plain[0]);
        assertThat(TestSupport.maxAbsDiff(masked[1], plain[1])).as("change of logits with zero tokens")
                .isGreaterThan(1e-4);
    }

    private static float[][] logits(
            SequenceClassifierProvider provider, Config base, boolean mask, int[]... inputs) {
        Config config = ConfigFactory.parseString("mask-zero-tokens = " + mask).withFallback(base);
        Engine.getEngine("PyTorch").setRandomSeed(42);
        Block block = provider.create(TASK, config).block();
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            block.initialize(manager, DataType.FLOAT32, TASK.inputShape(2));
            float[][] out = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                NDArray x = manager.create(inputs[i], TASK.inputShape(2));
                out[i] = TestSupport.forward(block, manager, x).toFloatArray();
            }
            return out;
        }
    }
}
