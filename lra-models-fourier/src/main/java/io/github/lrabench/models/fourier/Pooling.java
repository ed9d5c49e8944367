package io.github.lrabench.models.fourier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the encoder output is reduced to one vector for the classifier head; config key {@code pooling}. */
enum Pooling {

    /** The vector at position 0, which is the prepended CLS token (requires {@code cls-token = true}). */
    CLS,

    /** The mean over all positions (the CLS position included when there is one). */
    MEAN;

    /** Returns the config spelling, e.g. {@code mean}. */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a config value.
     *
     * @param value the value, e.g. {@code cls}
     * @return the pooling, or empty when the value names none
     */
    static Optional<Pooling> parse(String value) {
        return Arrays.stream(values()).filter(pooling -> pooling.configName().equals(value)).findFirst();
    }

    /** Returns the accepted spellings, comma separated. */
    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Pooling::configName).toList());
    }
}
