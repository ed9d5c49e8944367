package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Objects;

/**
 * The {@code linear} provider (family {@code reference}): the position-aware linear floor, one linear map from the
 * whole sequence (every position × channel; for tokens their one-hot encoding) to the classes, see {@link
 * LinearBlock}. A sequence model at or below this row has learned no more than a linear function of the pixels.
 *
 * <p>Configuration, block {@code lra.models.linear}: the map has no size to choose and the block holds no keys;
 * its {@code paper} and {@code cpu} variants exist (empty) so that every profile finds one.
 */
public final class LinearProvider implements SequenceClassifierProvider {

    /** The provider id, also the config block name under {@code lra.models}. */
    public static final String ID = "linear";

    /** Creates the provider; it holds no state. */
    public LinearProvider() {
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
     * @param config the block {@code lra.models.linear} with the selected variant on top (no keys are read)
     * @return a new, uninitialised classifier
     */
    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(config, "config");
        return BasicSequenceClassifier.of(ID, task, new LinearBlock(task), LinearBlock.forwardFlops(task));
    }
}
