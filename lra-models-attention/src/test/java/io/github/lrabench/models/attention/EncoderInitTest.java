package io.github.lrabench.models.attention;

import static io.github.lrabench.models.attention.ProviderConfigTest.LRA_IMAGE;
import static io.github.lrabench.models.attention.ProviderConfigTest.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.github.lrabench.api.SequenceClassifierProvider;
import org.junit.jupiter.api.Test;

/** The init keys reach the parameters: each provider's base block starts as its reference code does. */
class EncoderInitTest {

    @Test
    void thePaperTransformerStartsAsLraDoes() {
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            Block block = initialised(new TransformerProvider(), "paper", manager);
            // Xavier-uniform: |w| <= sqrt(6 / (fan_in + fan_out)), variance bound^2 / 3
            double bound = Math.sqrt(6.0 / (128 + 64));
            NDArray query = parameter(block, "attention_01query_weight");
            assertThat(query.abs().max().getFloat()).isLessThanOrEqualTo((float) bound);
            assertThat(std(query)).isCloseTo(bound / Math.sqrt(3), within(0.1 * bound / Math.sqrt(3)));
            // LeCun-normal head: std sqrt(1 / 128)
            assertThat(std(parameter(block, "head_01hidden_weight"))).isCloseTo(Math.sqrt(1.0 / 128), within(0.01));
            assertThat(parameter(block, "embedding_cls").abs().max().getFloat()).isZero();
            assertThat(std(parameter(block, "embedding_tokenTable"))).isCloseTo(1.0, within(0.05));
            assertThat(std(parameter(block, "embedding_positions"))).isCloseTo(0.02, within(0.002));
        }
    }

    @Test
    void nystromformerStartsAsItsPyTorchCodeAndTheCpuVariantsKeepTheirInit() {
        try (NDManager manager = TestSupport.manager("PyTorch")) {
            Block paper = initialised(new NystromformerProvider(), "paper", manager);
            assertThat(std(parameter(paper, "embedding_tokenTable"))).isCloseTo(0.02, within(0.002));
            // PyTorch's nn.Linear: weights and biases U(+-1/sqrt(fan_in)), fan_in 64 for the MLP's first layer
            NDArray mlpBias = parameter(paper, "layer0_04mlpIn_bias");
            assertThat(mlpBias.abs().max().getFloat()).isGreaterThan(0f).isLessThanOrEqualTo(0.125f);
            Block cpu = initialised(new TransformerProvider(), "cpu", manager);
            // DJL's default: N(0, 2 / fan_in), fan_in 64
            assertThat(std(parameter(cpu, "attention_01query_weight"))).isCloseTo(Math.sqrt(2.0 / 64), within(0.02));
            assertThat(std(parameter(cpu, "embedding_cls"))).isGreaterThan(0.0);
        }
    }

    private static Block initialised(SequenceClassifierProvider provider, String name, NDManager manager) {
        Block block = provider.create(LRA_IMAGE, variant(provider, name)).block();
        block.initialize(manager, DataType.FLOAT32, LRA_IMAGE.inputShape(1));
        return block;
    }

    private static NDArray parameter(Block block, String suffix) {
        return block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter ending in " + suffix)).getValue().getArray();
    }

    private static double std(NDArray values) {
        return Math.sqrt(values.square().mean().getFloat());
    }
}
