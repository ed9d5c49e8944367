package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;

/**
 * The Nyströmformer (Xiong et al., AAAI 2021) as configured in the paper's LRA code: pre-LN blocks with {@link
 * NystromAttention}, final layer norm, mean pooling, head Dense → ReLU → Dense.
 *
 * <p>Config {@code lra.models.nystromformer}: the {@link EncoderSettings} keys plus {@code num-landmarks}, {@code
 * pinv-iterations}, {@code pinv-init} and {@code conv-kernel-size} ({@link NystromKernelSpec}). The encoded length
 * (with a CLS vector if {@code pooling = cls}) must be a multiple of {@code num-landmarks}; {@link #create} says so
 * otherwise. {@code mask-zero-tokens = true} replicates the reference code's treatment of black pixels as padding;
 * it is off by default.
 */
public final class NystromformerProvider extends EncoderProvider {

    /** Creates the provider. */
    public NystromformerProvider() {}

    /** Returns {@code nystromformer}. */
    @Override
    public String id() {
        return "nystromformer";
    }

    /** Returns 41.58% on LRA-Image from the authors' re-implementation of LRA. */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(41.58,
                "LRA-Image (grey tokens 0-255, length 1024, 45k/5k/10k split)",
                "Xiong et al., Nystromformer: A Nystrom-Based Algorithm for Approximating Self-Attention, AAAI 2021"
                        + " (arXiv:2102.03902); LRA table of mlpen/Nystromformer (img/LRA.png)"));
    }

    /** {@inheritDoc} */
    @Override
    AttentionKernelSpec readKernel(Config config, TaskSpec task, EncoderSettings settings, ConfigProblems problems) {
        return NystromKernelSpec.read(config, task, settings, problems);
    }
}
