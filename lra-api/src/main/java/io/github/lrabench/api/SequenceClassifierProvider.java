package io.github.lrabench.api;

import com.typesafe.config.Config;
import java.util.Optional;
import java.util.Set;

/**
 * A model plugin, found through {@link java.util.ServiceLoader} from {@code
 * META-INF/services/io.github.lrabench.api.SequenceClassifierProvider}.
 *
 * <p>A provider only describes a model and builds it when asked; it must have a public no-argument constructor
 * and hold no mutable state.
 */
public interface SequenceClassifierProvider {

    /** Returns the stable lowercase id, matching {@code [a-z0-9-]+}; its config lives at {@code lra.models.<id>}. */
    String id();

    /** Returns a free word shown in reports: {@code recurrent}, {@code attention}, {@code fourier}, ... */
    String family();

    /**
     * Builds a classifier for a task.
     *
     * @param task the task to build for
     * @param config the provider's block {@code lra.models.<id>} with the selected variant's overrides on top
     * @return a new, uninitialised classifier
     * @throws IllegalArgumentException or {@link com.typesafe.config.ConfigException} naming the offending key
     */
    SequenceClassifier create(TaskSpec task, Config config);

    /** Returns the published accuracy, its task variant and citation, if any. */
    default Optional<PaperResult> paperResult() {
        return Optional.empty();
    }

    /**
     * Returns the engine features this provider needs, e.g. {@code "fft"}; see {@link EngineFeatures}.
     *
     * @return the required features, empty when any engine will do
     */
    default Set<String> requiredEngineFeatures() {
        return Set.of();
    }
}
