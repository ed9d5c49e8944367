package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads keys of one provider block, gathering every problem (missing, mistyped, out of range) with the key's full
 * path, so that a configuration is refused once with all its faults.
 */
final class ConfigReader {

    private final Config config;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    /**
     * Creates a reader.
     *
     * @param config the provider's block with the variant merged on top
     * @param providerId the provider id, naming keys as {@code lra.models.<id>.<key>}
     */
    ConfigReader(Config config, String providerId) {
        this.config = config;
        this.prefix = "lra.models." + providerId + ".";
    }

    /** Returns the positive integer at a key (1 after recording why it could not be used). */
    int positiveInt(String key) {
        int value = read(key, Config::getInt).orElse(1);
        if (value < 1) {
            problem(key, "must be >= 1 but was " + value);
            return 1;
        }
        return value;
    }

    /** Returns the positive number at a key (1 after recording why it could not be used). */
    double positiveDouble(String key) {
        double value = read(key, Config::getDouble).orElse(1.0);
        if (!(value > 0)) {
            problem(key, "must be > 0 but was " + value);
            return 1;
        }
        return value;
    }

    /** Returns the list of positive integers at a key (at least one entry). */
    List<Integer> positiveInts(String key) {
        List<Integer> values = read(key, Config::getIntList).orElse(List.of(1));
        if (values.isEmpty()) {
            problem(key, "must hold at least one value but was []");
            return List.of(1);
        }
        if (values.stream().anyMatch(v -> v < 1)) {
            problem(key, "must hold values >= 1 but was " + values);
            return values.stream().map(v -> Math.max(1, v)).toList();
        }
        return values;
    }

    /** Returns the boolean at a key. */
    boolean bool(String key) {
        return read(key, Config::getBoolean).orElse(false);
    }

    /** Returns the string at a key, which must be one of {@code choices}. */
    String choice(String key, List<String> choices) {
        Optional<String> value = read(key, Config::getString);
        if (value.isPresent() && !choices.contains(value.get())) {
            problem(key, "must be one of " + String.join(", ", choices) + " but was '" + value.get() + "'");
        }
        return value.filter(choices::contains).orElse(choices.get(0));
    }

    /** Records a problem of a key. */
    void problem(String key, String message) {
        problems.add(prefix + key + " " + message);
    }

    /** Returns the full path of a key, for messages. */
    String path(String key) {
        return prefix + key;
    }

    /**
     * Throws when any problem was recorded.
     *
     * @param what names the configuration in the message, e.g. {@code cnn}
     * @throws IllegalArgumentException listing every problem
     */
    void throwIfInvalid(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + " configuration: " + String.join("; ", problems));
        }
    }

    private <T> Optional<T> read(String key, BiFunction<Config, String, T> getter) {
        try {
            return Optional.of(getter.apply(config, key));
        } catch (ConfigException.Missing e) {
            problems.add(prefix + key + " is missing");
        } catch (ConfigException e) {
            problems.add(prefix + key + " is invalid: " + e.getMessage());
        }
        return Optional.empty();
    }
}
