package io.github.lrabench.models.fourier;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code fnet} provider (family {@code fourier}): FNet, Lee-Thorp et al., NAACL 2022 (arXiv:2105.03824), in the
 * LRA classifier skeleton.
 *
 * <p>The model is {@link io.github.lrabench.api.InputEmbedding} (optional CLS vector, learned positions) → LN →
 * dropout → {@code num-layers} post-LN encoder layers {@code X ← LN(X + Re(F_L X F_d))}, {@code X ← LN(X +
 * FFN(X))} → pooling ({@code cls} or {@code mean}) → Dense → ReLU → Dense(classes). Dropout acts in training only.
 *
 * <p>Configuration, block {@code lra.models.fnet} (defaults and the {@code paper} and {@code cpu} variants are in
 * this module's {@code reference.conf}): {@code hidden-size}, {@code num-layers}, {@code ffn-size}, {@code
 * head-size}, {@code dropout}, {@code layer-norm-epsilon}, {@code cls-token}, {@code pooling} ({@code cls|mean})
 * and {@code mixing} ({@code auto|fft|dft}). The provider needs no engine feature: {@code auto} uses the engine's
 * FFT where there is one and the DFT as real matrix products elsewhere; {@code mixing = fft} on an engine without
 * FFT fails with an {@link UnsupportedOperationException} when the block is initialised or first run.
 */
public final class FNetProvider implements SequenceClassifierProvider {

    /** The provider id, also the config block name under {@code lra.models}. */
    public static final String ID = "fnet";

    /** Creates the provider; it holds no state. */
    public FNetProvider() {
        // stateless: everything is built in create
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} */
    @Override
    public String family() {
        return "fourier";
    }

    /**
     * Builds an FNet for a task.
     *
     * @param task the task to build for
     * @param config the block {@code lra.models.fnet} with the selected variant on top
     * @return a new, uninitialised classifier
     * @throws IllegalArgumentException naming every invalid or missing key
     */
    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        FNetConfig fnet = FNetConfig.from(config);
        return BasicSequenceClassifier.of(ID, task, new FNetBlock(task, fnet), FNetFlops.forwardPerSample(task, fnet));
    }

    /**
     * Returns FNet's LRA Image accuracy, 38.67%, as quoted in the S4 paper's Table 4 (the FNet paper's own table
     * could not be checked here).
     *
     * @return the published result
     */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(38.67,
                "LRA-Image (grey tokens 0–255, length 1024, 45k/5k/10k split)",
                "Lee-Thorp et al., \"FNet: Mixing Tokens with Fourier Transforms\", NAACL 2022, arXiv:2105.03824;"
                        + " LRA Image row as quoted in Gu et al., \"Efficiently Modeling Long Sequences with"
                        + " Structured State Spaces\", ICLR 2022, Table 4"));
    }
}
