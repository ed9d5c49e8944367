package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a provider's configuration keys and gathers every invalid value, so that one exception lists them all.
 * Each message names the full key, e.g. {@code lra.models.trellisnet.hidden-size must be >= 1 but was 0}.
 */
final class ConfigProblems {

    private final Config config;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    /**
     * Starts reading a provider block.
     *
     * @param config the provider's block (variant merged)
     * @param providerId the provider id, used to name keys
     */
    ConfigProblems(Config config, String providerId) {
        this.config = config;
        this.prefix = "lra.models." + providerId + ".";
    }

    /** Returns the full name of a key. */
    String name(String key) {
        return prefix + key;
    }

    /** Reads an int that must be at least {@code min}. */
    int intAtLeast(String key, int min) {
        int value = config.getInt(key);
        if (value < min) {
            problems.add(name(key) + " must be >= " + min + " but was " + value);
        }
        return value;
    }

    /** Reads a double that must lie in {@code [0, 1)} (a dropout rate). */
    float rate(String key) {
        double value = config.getDouble(key);
        if (!(value >= 0 && value < 1)) {
            problems.add(name(key) + " must lie in [0, 1) but was " + value);
        }
        return (float) value;
    }

    /** Reads a double that must lie in {@code [min, max]}. */
    float between(String key, double min, double max) {
        double value = config.getDouble(key);
        if (!(value >= min && value <= max)) {
            problems.add(name(key) + " must lie in [" + min + ", " + max + "] but was " + value);
        }
        return (float) value;
    }

    /** Reads a double that must be finite and strictly positive. */
    float positive(String key) {
        double value = config.getDouble(key);
        if (!(value > 0 && Double.isFinite(value))) {
            problems.add(name(key) + " must be > 0 but was " + value);
        }
        return (float) value;
    }

    /** Reads a double that must be finite and at least {@code min}. */
    float atLeast(String key, double min) {
        double value = config.getDouble(key);
        if (!(value >= min && Double.isFinite(value))) {
            problems.add(name(key) + " must be >= " + min + " but was " + value);
        }
        return (float) value;
    }

    /** Reads a boolean. */
    boolean bool(String key) {
        return config.getBoolean(key);
    }

    /** Reads a list of ints that must be non-empty and each at least {@code min}. */
    List<Integer> intList(String key, int min) {
        List<Integer> values = List.copyOf(config.getIntList(key));
        if (values.isEmpty()) {
            problems.add(name(key) + " must not be empty");
        }
        for (int value : values) {
            if (value < min) {
                problems.add(name(key) + " entries must be >= " + min + " but one was " + value);
                break;
            }
        }
        return values;
    }

    /**
     * Reads a string naming one constant of an enum, written in kebab case (e.g. {@code channel-major}).
     *
     * @param key the key
     * @param type the enum class
     * @param <E> the enum type
     * @return the constant, or {@code null} after recording a problem
     */
    <E extends Enum<E>> E choice(String key, Class<E> type) {
        String value = config.getString(key);
        for (E constant : type.getEnumConstants()) {
            if (kebab(constant).equals(value)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(kebab(constant));
        }
        problems.add(name(key) + " must be one of " + allowed + " but was '" + value + "'");
        return null;
    }

    /** Records a problem found by a cross-key check. */
    void add(String problem) {
        problems.add(problem);
    }

    /** Returns whether no problem has been recorded so far. */
    boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Throws when any problem was recorded.
     *
     * @throws IllegalArgumentException listing every problem
     */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
        }
    }

    /** Returns the kebab-case name of an enum constant. */
    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
