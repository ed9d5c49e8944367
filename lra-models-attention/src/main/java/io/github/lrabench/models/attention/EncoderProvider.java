package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;

/**
 * What the three attention providers share: read the encoder keys (see {@link EncoderSettings}) and the kernel's
 * keys, report every problem at once, and build an {@link EncoderClassifierBlock}.
 */
abstract class EncoderProvider implements SequenceClassifierProvider {

    /** Creates the provider; subclasses have public no-argument constructors. */
    protected EncoderProvider() {}

    /** Returns {@code attention}. */
    @Override
    public final String family() {
        return "attention";
    }

    /** {@inheritDoc} */
    @Override
    public final SequenceClassifier create(TaskSpec task, Config config) {
        ConfigProblems problems = new ConfigProblems("lra.models." + id() + ".");
        EncoderSettings settings = EncoderSettings.read(config, task, problems);
        AttentionKernelSpec kernel = readKernel(config, task, settings, problems);
        problems.throwIfAny(id() + " for task " + task.name());
        EncoderClassifierBlock block = new EncoderClassifierBlock(task, settings, kernel);
        return BasicSequenceClassifier.of(id(), task, block, EncoderFlops.forward(task, settings, kernel));
    }

    /**
     * Reads the attention kernel's keys.
     *
     * @param config the provider's block
     * @param task the task
     * @param settings the shared settings, already read
     * @param problems where problems are recorded
     * @return the kernel spec; meaningful only when no problem was recorded
     */
    abstract AttentionKernelSpec readKernel(
            Config config, TaskSpec task, EncoderSettings settings, ConfigProblems problems);
}
