package io.github.lrabench.models.ssm;

import com.typesafe.config.Config;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.ParameterGroup;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code s4d} provider (family {@code state-space}): S4D, the diagonal state-space model of Gu, Gupta, Goel and
 * Ré ("On the Parameterization and Initialization of Diagonal State Space Models", NeurIPS 2022), in the backbone
 * of the S4 repository's {@code example.py}.
 *
 * <p>The model is {@link io.github.lrabench.api.InputEmbedding} (no position embeddings) → {@code num-layers}
 * residual {@link S4DLayer S4D layers} on {@code (B, H, L)} with layer norm before ({@code prenorm}) or after →
 * mean over the sequence → Linear(classes). Each layer convolves with the kernel of H diagonal SSMs (S4D-Lin,
 * zero-order hold), computed in real arithmetic and applied by FFT, so the provider needs the {@value
 * EngineFeatures#FFT} engine feature (DJL PyTorch; MXNet is reported, not run).
 *
 * <p>Configuration, block {@code lra.models.s4d} (defaults and the {@code paper} and {@code cpu} variants are in
 * this module's {@code reference.conf}): {@code d-model}, {@code num-layers}, {@code state-size}, {@code dropout},
 * {@code dt-min}, {@code dt-max}, {@code prenorm}, {@code layer-norm-epsilon}, {@code ssm-learning-rate} and
 * {@code ssm-weight-decay}; the last two form the classifier's {@link ParameterGroup} {@code ssm} (log Δ, log(−Re
 * Λ), Im Λ), which the runner trains at that peak rate and with weight decay off, as S4D's recipe does.
 */
public final class S4DProvider implements SequenceClassifierProvider {

    /** The provider id, also the config block name under {@code lra.models}. */
    public static final String ID = "s4d";

    /** Creates the provider; it holds no state. */
    public S4DProvider() {
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
        return "state-space";
    }

    /**
     * Builds an S4D classifier for a task.
     *
     * @param task the task to build for
     * @param config the block {@code lra.models.s4d} with the selected variant on top
     * @return a new, uninitialised classifier with its {@code ssm} parameter group
     * @throws IllegalArgumentException naming every invalid or missing key
     */
    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        S4DConfig s4d = S4DConfig.from(config);
        ParameterGroup ssm = new ParameterGroup("ssm", ".*_(" + String.join("|", S4DLayer.SSM_PARAMETERS) + ")",
                OptionalDouble.of(s4d.ssmLearningRate()), s4d.ssmWeightDecay());
        return new S4DClassifier(ID, task, new S4DBlock(task, s4d),
                OptionalLong.of(S4DFlops.forwardPerSample(task, s4d)), List.of(ssm));
    }

    /**
     * Returns 88% on sequential CIFAR-10, the number the S4 repository gives for S4D in its {@code example.py}
     * backbone with the {@code paper} variant's configuration (4 layers × 128, N = 64, ~200k parameters).
     *
     * @return the published result
     */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(88.0,
                "sCIFAR (RGB, 3 floats per step, length 1024)",
                "Gu, Gupta, Goel and Ré, \"On the Parameterization and Initialization of Diagonal State Space"
                        + " Models\", NeurIPS 2022, arXiv:2206.11893; the number is the S4 repository's for its"
                        + " S4D example (github.com/state-spaces/s4: the README of models/s4 and example.py: 4 layers"
                        + " × 128, ~200k parameters, 88% on sequential CIFAR)"));
    }

    /** Returns {@value EngineFeatures#FFT}: the convolution runs by real FFT. */
    @Override
    public Set<String> requiredEngineFeatures() {
        return Set.of(EngineFeatures.FFT);
    }
}
