package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a provider's configuration keys and gathers every problem, so that one exception reports them all, each
 * naming its full key (e.g. {@code lra.models.pit.num-heads}).
 */
final class ConfigProblems {

    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    /**
     * Creates an empty collector.
     *
     * @param prefix the full path of the provider's block followed by a dot, e.g. {@code lra.models.pit.}
     */
    ConfigProblems(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Returns the full name of a key.
     *
     * @param key the key inside the provider's block
     * @return the key with the block's path in front
     */
    String name(String key) {
        return prefix + key;
    }

    /**
     * Records a problem with a key.
     *
     * @param key the key inside the provider's block
     * @param message what is wrong, written to follow the key's name
     */
    void add(String key, String message) {
        problems.add(name(key) + " " + message);
    }

    /**
     * Reads an integer that must be at least {@code min}.
     *
     * @param config the provider's block
     * @param key the key
     * @param min the smallest allowed value
     * @return the value, or {@code min} after recording a problem
     */
    int intAtLeast(Config config, String key, int min) {
        try {
            int value = config.getInt(key);
            if (value < min) {
                add(key, "must be >= " + min + " but was " + value);
                return min;
            }
            return value;
        } catch (ConfigException e) {
            addConfigException(key, e);
            return min;
        }
    }

    /**
     * Reads a dropout rate, which must lie in {@code [0, 1)}.
     *
     * @param config the provider's block
     * @param key the key
     * @return the rate, or 0 after recording a problem
     */
    float rate(Config config, String key) {
        try {
            double value = config.getDouble(key);
            if (!(value >= 0 && value < 1)) {
                add(key, "must lie in [0, 1) but was " + value);
                return 0f;
            }
            return (float) value;
        } catch (ConfigException e) {
            addConfigException(key, e);
            return 0f;
        }
    }

    /**
     * Reads a finite real number {@code >= 0}.
     *
     * @param config the provider's block
     * @param key the key
     * @return the value, or 0 after recording a problem
     */
    float nonNegative(Config config, String key) {
        try {
            double value = config.getDouble(key);
            if (!(value >= 0 && Double.isFinite(value))) {
                add(key, "must be >= 0 but was " + value);
                return 0f;
            }
            return (float) value;
        } catch (ConfigException e) {
            addConfigException(key, e);
            return 0f;
        }
    }

    /**
     * Reads a strictly positive real number.
     *
     * @param config the provider's block
     * @param key the key
     * @return the value, or 1 after recording a problem
     */
    float positive(Config config, String key) {
        try {
            double value = config.getDouble(key);
            if (!(value > 0 && Double.isFinite(value))) {
                add(key, "must be > 0 but was " + value);
                return 1f;
            }
            return (float) value;
        } catch (ConfigException e) {
            addConfigException(key, e);
            return 1f;
        }
    }

    /**
     * Reads a boolean.
     *
     * @param config the provider's block
     * @param key the key
     * @return the value, or false after recording a problem
     */
    boolean bool(Config config, String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException e) {
            addConfigException(key, e);
            return false;
        }
    }

    /**
     * Reads a string.
     *
     * @param config the provider's block
     * @param key the key
     * @return the value, or null after recording a problem
     */
    String string(Config config, String key) {
        try {
            return config.getString(key);
        } catch (ConfigException e) {
            addConfigException(key, e);
            return null;
        }
    }

    /** Returns whether any problem was recorded. */
    boolean any() {
        return !problems.isEmpty();
    }

    /**
     * Throws when problems were recorded.
     *
     * @param what what was being configured, e.g. {@code pit for task lra-image}
     * @throws IllegalArgumentException listing every problem
     */
    void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid configuration of " + what + ": " + String.join("; ", problems));
        }
    }

    private void addConfigException(String key, ConfigException e) {
        if (e instanceof ConfigException.Missing) {
            add(key, "is missing");
        } else {
            add(key, "is malformed (" + e.getMessage() + ")");
        }
    }
}
