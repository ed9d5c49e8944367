package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;

/**
 * The Pixel Transformer, PiT (Nguyen et al., "An Image is Worth More Than 16×16 Patches: Exploring Transformers on
 * Individual Pixels", arXiv:2406.09415, 2024): a ViT whose patches are single pixels. Each pixel is a token (a
 * linear projection of its channels, or the token embedding on {@code lra-image}), positions are learned with no
 * 2-D prior, and the pre-LN encoder uses exact softmax attention.
 *
 * <p>Config {@code lra.models.pit}: the {@link EncoderSettings} keys plus {@code attention-dropout}. The {@code
 * paper} variant is PiT-T (d 192, 12 layers, 3 heads, MLP 768, CLS pooling).
 */
public final class PitProvider extends EncoderProvider {

    /** Creates the provider. */
    public PitProvider() {}

    /** Returns {@code pit}. */
    @Override
    public String id() {
        return "pit";
    }

    /** Returns PiT-T's 85.1%, a CIFAR-100 number (not CIFAR-10, not LRA). */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(85.1,
                "CIFAR-100 (not CIFAR-10), 1024 RGB pixel tokens, ViT (PiT-T) trained from scratch",
                "Nguyen et al., An Image is Worth More Than 16x16 Patches: Exploring Transformers on Individual"
                        + " Pixels, arXiv:2406.09415 (2024), Table 1, as quoted by public reviews"));
    }

    /** {@inheritDoc} */
    @Override
    AttentionKernelSpec readKernel(Config config, TaskSpec task, EncoderSettings settings, ConfigProblems problems) {
        return SoftmaxKernelSpec.read(config, problems);
    }
}
