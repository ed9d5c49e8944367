package io.github.lrabench.models.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a CNN stage shrinks its grid (key {@code lra.models.cnn.downsample}). */
enum Downsampling {

    /** The stage's first convolution strides (ResNet); the grid side becomes {@code ceil(S / f)}. */
    STRIDE("stride"),

    /** A {@code f × f} max-pool with stride {@code f} before the stage's first convolution; side {@code floor(S / f)}. */
    MAX_POOL("max-pool");

    private final String id;

    Downsampling(String id) {
        this.id = id;
    }

    /** Returns the configuration word, e.g. {@code max-pool}. */
    String id() {
        return id;
    }

    /**
     * Returns the grid side after shrinking by a factor.
     *
     * @param side the side before
     * @param factor the factor (1 keeps the side)
     * @return the side after
     */
    int shrink(int side, int factor) {
        return this == STRIDE ? (side + factor - 1) / factor : side / factor;
    }

    /** Returns the configuration words of all values. */
    static List<String> ids() {
        return Arrays.stream(values()).map(Downsampling::id).toList();
    }

    /**
     * Returns the value of a configuration word.
     *
     * @param id {@code stride} or {@code max-pool}
     * @return the value
     */
    static Downsampling fromId(String id) {
        for (Downsampling value : values()) {
            if (value.id.equals(id.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown downsampling '" + id + "'; known: " + ids());
    }
}
