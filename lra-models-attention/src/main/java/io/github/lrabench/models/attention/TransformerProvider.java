package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;

/**
 * The Long Range Arena Transformer baseline for the Image task (Tay et al. 2021, {@code
 * lra_benchmarks/models/transformer}): token embedding, a learned CLS vector, learned positions, pre-LN
 * blocks with softmax attention without biases, final layer norm, CLS pooling, head Dense → ReLU → Dense.
 *
 * <p>Config {@code lra.models.transformer}: the {@link EncoderSettings} keys plus {@code attention-dropout}. The
 * {@code paper} variant is LRA's {@code transformer_base} for CIFAR-10 (1 layer, d 128, MLP 128, 8 heads, qkv 64,
 * dropout 0.3, attention dropout 0.2).
 */
public final class TransformerProvider extends EncoderProvider {

    /** Creates the provider. */
    public TransformerProvider() {}

    /** Returns {@code transformer}. */
    @Override
    public String id() {
        return "transformer";
    }

    /** Returns LRA's 42.44% on LRA-Image. */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(42.44,
                "LRA-Image (grey tokens 0-255, length 1024, 45k/5k/10k split)",
                "Tay et al., Long Range Arena: A Benchmark for Efficient Transformers, ICLR 2021"
                        + " (arXiv:2011.04006); leaderboard in google-research/long-range-arena README"));
    }

    /** {@inheritDoc} */
    @Override
    AttentionKernelSpec readKernel(Config config, TaskSpec task, EncoderSettings settings, ConfigProblems problems) {
        return SoftmaxKernelSpec.read(config, problems);
    }
}
