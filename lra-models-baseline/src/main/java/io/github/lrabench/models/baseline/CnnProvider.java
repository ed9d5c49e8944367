package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cnn} provider (family {@code reference}): the image-native architecture the sequence models are
 * compared with. The sequence is laid back out on its square grid (a length that is not a perfect square is
 * refused; tokens are scaled to grey levels in {@code [0, 1]}, see {@link ImageGrid}) and classified by a
 * convolutional network of 3×3 conv → group norm → ReLU units with pooling, see {@link CnnConfig}. Group norm
 * ({@link GroupNorm}) stands in for batch norm: it is written from plain ops, so it runs the same on every engine
 * and keeps no running statistics.
 *
 * <p>Configuration, block {@code lra.models.cnn}: {@code stem-channels}, {@code stage-channels}, {@code
 * stage-downsampling}, {@code blocks-per-stage}, {@code residual}, {@code downsample} ({@code stride|max-pool}),
 * {@code norm-groups} and {@code norm-epsilon}. The {@code paper} variant is ResNet-20 for CIFAR-10 (He et al. 2016:
 * 3 stages of 3 basic blocks at 16, 32 and 64 channels, option-A shortcuts, 0.27 M parameters; group norm in place
 * of its batch norm, with the same number of parameters); the {@code cpu} variant is a small plain network sized for the
 * 60-minute budget.
 */
public final class CnnProvider implements SequenceClassifierProvider {

    /** The provider id, also the config block name under {@code lra.models}. */
    public static final String ID = "cnn";

    /** Creates the provider; it holds no state. */
    public CnnProvider() {
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
        return ReferenceFamily.NAME;
    }

    /**
     * Builds the network for a task.
     *
     * @param task the task to build for
     * @param config the block {@code lra.models.cnn} with the selected variant on top
     * @return a new, uninitialised classifier
     * @throws IllegalArgumentException naming every invalid or missing key, or when the task's sequence length is
     *     not a perfect square (with the length and the squares around it)
     */
    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        CnnConfig cnn = CnnConfig.from(config);
        return BasicSequenceClassifier.of(ID, task, new CnnBlock(task, cnn), cnn.forwardFlops(task));
    }

    /**
     * Returns ResNet-20's CIFAR-10 accuracy, 91.25% (test error 8.75%, He et al. 2016, Table 6). It refers to the
     * RGB image on its grid, trained with 4-pixel-padding random crops and horizontal flips, which this project's
     * protocols do not use: read it as what the architecture reaches on its home ground.
     *
     * @return the published result
     */
    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(91.25,
                "CIFAR-10 images (RGB 32×32 grid, not a sequence; random crops and flips; 10k test)",
                "He, Zhang, Ren, Sun, \"Deep Residual Learning for Image Recognition\", CVPR 2016,"
                        + " arXiv:1512.03385, Table 6 (ResNet-20, 0.27M parameters, 8.75% error)"));
    }
}
