package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the resolved configuration. Precedence, highest first: command-line options ({@code overrides}), {@code
 * -D} system properties, {@code --config FILE} (else {@code application.conf} on the class path), every {@code
 * reference.conf} (the runner's, each model module's, each plugin jar's). A key under {@code lra} that the user
 * sets but no {@code reference.conf} knows is refused with the nearest known key. Within a model's block the
 * user's settings beat the reference variant's (see {@code ModelConfigs}).
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * Loads and resolves the configuration.
     *
     * @param reference the merged, unresolved reference configuration (see {@code ModelRegistry})
     * @param configFile an application config file, or empty for {@code application.conf} on the class path
     * @param overrides values from command-line options, keyed by full path
     * @return the resolved configuration
     * @throws IllegalArgumentException when the config file does not exist, or naming every unknown key under
     *     {@code lra} with the nearest known one
     * @throws ConfigException when a file cannot be parsed or a substitution cannot be resolved
     */
    public static Config load(Config reference, Optional<Path> configFile, Map<String, ?> overrides) {
        Config application;
        if (configFile.isPresent()) {
            Path file = configFile.get();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file " + file.toAbsolutePath() + " does not exist");
            }
            application = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } else {
            application = ConfigFactory.parseResourcesAnySyntax("application");
        }
        Config properties = ConfigFactory.systemProperties();
        Config user = ConfigFactory.parseMap(overrides, "command-line options")
                .withFallback(properties.hasPath("lra") ? properties.withOnlyPath("lra") : ConfigFactory.empty())
                .withFallback(application);
        List<String> unknown = new ConfigKeyCheck(reference).unknownKeys(user);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.size() == 1 ? unknown.get(0)
                    : unknown.size() + " unknown configuration keys:\n  " + String.join("\n  ", unknown));
        }
        return user.withFallback(properties).withFallback(reference).resolve();
    }
}
