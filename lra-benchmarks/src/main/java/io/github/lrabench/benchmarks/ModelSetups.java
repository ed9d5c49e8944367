package io.github.lrabench.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.TaskSpec;

/** Model configurations and tasks for the benchmarks: each model jar's own defaults, with a few keys changed. */
final class ModelSetups {

    private ModelSetups() {}

    /**
     * Returns a provider's block for a variant from the model jars' {@code reference.conf}, with overrides on top.
     *
     * @param id the provider id
     * @param variant the variant, e.g. {@code cpu}
     * @param overrides HOCON text applied on top (may be empty)
     * @return the provider's configuration
     */
    static Config model(String id, String variant, String overrides) {
        Config defaults = ConfigFactory.load(ModelSetups.class.getClassLoader());
        return ConfigFactory.parseString(overrides).withFallback(ModelConfigs.forVariant(defaults, id, variant))
                .resolve();
    }

    /**
     * Returns a task of one protocol shape at a chosen length.
     *
     * @param protocol {@code lra-image} (grey tokens) or {@code scifar} (RGB floats)
     * @param length L
     * @return the task
     * @throws IllegalArgumentException for another protocol
     */
    static TaskSpec task(String protocol, int length) {
        return switch (protocol) {
            case "lra-image" -> new TaskSpec(protocol, length, 1, 256, 10);
            case "scifar" -> new TaskSpec(protocol, length, 3, 0, 10);
            default -> throw new IllegalArgumentException("protocol must be lra-image or scifar but was " + protocol);
        };
    }
}
