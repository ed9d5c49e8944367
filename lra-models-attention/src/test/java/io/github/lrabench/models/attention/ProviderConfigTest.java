package io.github.lrabench.models.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import org.junit.jupiter.api.Test;

/** Configuration validation: every problem is reported at {@code create}, naming its key. */
class ProviderConfigTest {

    static final TaskSpec LRA_IMAGE = new TaskSpec("lra-image", 1024, 1, 256, 10);
    static final TaskSpec SCIFAR = new TaskSpec("scifar", 1024, 3, 0, 10);

    static Config variant(SequenceClassifierProvider provider, String variant) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), provider.id(), variant);
    }

    @Test
    void landmarksThatDoNotDivideTheLengthAreRefusedNamingKeyAndNumbers() {
        NystromformerProvider provider = new NystromformerProvider();
        Config withCls = ConfigFactory.parseString("pooling = cls").withFallback(variant(provider, "paper"));
        assertThatThrownBy(() -> provider.create(SCIFAR, withCls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.nystromformer.num-landmarks = 64")
                .hasMessageContaining("1025")
                .hasMessageContaining("CLS");
        Config odd = ConfigFactory.parseString("num-landmarks = 48").withFallback(variant(provider, "paper"));
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, odd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.nystromformer.num-landmarks = 48")
                .hasMessageContaining("1024");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        TransformerProvider provider = new TransformerProvider();
        Config bad = ConfigFactory.parseString("""
                num-heads = 3, dropout = 1.5, pooling = max, layer-norm-epsilon = 0
                """).withFallback(variant(provider, "paper")).withoutPath("mlp-size");
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.transformer.qkv-size = 64 must be a multiple of num-heads = 3")
                .hasMessageContaining("lra.models.transformer.dropout must lie in [0, 1) but was 1.5")
                .hasMessageContaining("lra.models.transformer.pooling must be cls or mean but was 'max'")
                .hasMessageContaining("lra.models.transformer.layer-norm-epsilon must be > 0")
                .hasMessageContaining("lra.models.transformer.mlp-size is missing");
    }

    @Test
    void nystromKeysAreValidated() {
        NystromformerProvider provider = new NystromformerProvider();
        Config bad = ConfigFactory.parseString("pinv-init = exact, conv-kernel-size = 34, pinv-iterations = 0,"
                + " conv-path = fft")
                .withFallback(variant(provider, "paper"));
        assertThatThrownBy(() -> provider.create(LRA_IMAGE, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.nystromformer.pinv-init must be original or per-matrix")
                .hasMessageContaining("lra.models.nystromformer.conv-kernel-size must be 0 (no convolution) or odd")
                .hasMessageContaining("lra.models.nystromformer.pinv-iterations must be >= 1 but was 0")
                .hasMessageContaining("lra.models.nystromformer.conv-path must be auto, conv2d or banded")
                .hasMessageContaining("banded but was 'fft'");
    }

    @Test
    void theBlackPixelMaskNeedsATokenTask() {
        PitProvider provider = new PitProvider();
        Config masked = ConfigFactory.parseString("mask-zero-tokens = true").withFallback(variant(provider, "cpu"));
        assertThatThrownBy(() -> provider.create(SCIFAR, masked))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.models.pit.mask-zero-tokens")
                .hasMessageContaining("(B, 1024, 3)");
        assertThat(provider.create(LRA_IMAGE, masked).task()).isEqualTo(LRA_IMAGE);
    }

    @Test
    void theBlackPixelMaskIsOffByDefault() {
        for (SequenceClassifierProvider provider : new SequenceClassifierProvider[] {
                new PitProvider(), new NystromformerProvider(), new TransformerProvider()}) {
            for (String variant : new String[] {"paper", "cpu"}) {
                assertThat(variant(provider, variant).getBoolean("mask-zero-tokens"))
                        .as("mask-zero-tokens of %s/%s", provider.id(), variant)
                        .isFalse();
            }
        }
    }
}
