package io.github.lrabench.models.fourier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the Fourier mixing is computed; config key {@code mixing}. */
enum MixingMode {

    /** The engine's FFT where the engine has one, the DFT as matrix products otherwise. */
    AUTO,

    /** Always the engine's FFT; an engine without FFT is refused. */
    FFT,

    /** Always the DFT as real matrix products with fixed cosine and sine matrices; runs on every engine. */
    DFT;

    /** Returns the config spelling, e.g. {@code auto}. */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a config value.
     *
     * @param value the value, e.g. {@code fft}
     * @return the mode, or empty when the value names none
     */
    static Optional<MixingMode> parse(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configName().equals(value)).findFirst();
    }

    /** Returns the accepted spellings, comma separated. */
    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(MixingMode::configName).toList());
    }
}
