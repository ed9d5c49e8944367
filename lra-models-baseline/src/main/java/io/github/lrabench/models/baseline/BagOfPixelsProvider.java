package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Objects;

/**
 * The {@code bag-of-pixels} provider (family {@code reference}): the position-blind floor. Each step is embedded
 * by the shared {@link io.github.lrabench.api.InputEmbedding} without position embeddings (token table or linear
 * projection), the embeddings are averaged over the sequence, and a small MLP (Dense → ReLU → Dense) gives the
 * classes. A sequence model that does no better than this row has learned no more than which pixel values occur.
 *
 * <p>Configuration, block {@code lra.models.bag-of-pixels}: {@code embedding-size}, {@code hidden-size}. There is
 * no published configuration; the {@code paper} and {@code cpu} variants are sized in this module's {@code
 * reference.conf}.
 */
public final class BagOfPixelsProvider implements SequenceClassifierProvider {

    /** The provider id, also the config block name under {@code lra.models}. */
    public static final String ID = "bag-of-pixels";

    /** Creates the provider; it holds no state. */
    public BagOfPixelsProvider() {
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
     * Builds the model for a task.
     *
     * @param task the task to build for
     * @param config the block {@code lra.models.bag-of-pixels} with the selected variant on top
     * @return a new, uninitialised classifier
     * @throws IllegalArgumentException naming every invalid or missing key
     */
    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        BagOfPixelsConfig bag = BagOfPixelsConfig.from(config);
        return BasicSequenceClassifier.of(ID, task, new BagOfPixelsBlock(task, bag), bag.forwardFlops(task));
    }
}
