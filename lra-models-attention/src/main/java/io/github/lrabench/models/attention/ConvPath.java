package io.github.lrabench.models.attention;

import java.util.Locale;

/**
 * How {@link NystromAttention} computes its depthwise convolution on V ({@code conv-path}). Every path computes the
 * same convolution (outputs and gradients agree within float rounding); they differ only in speed.
 */
public enum ConvPath {

    /** The fastest exact path on this project's engines: {@link #BANDED}. */
    AUTO("auto"),

    /**
     * DJL's grouped {@code Conv2d.conv2d} with a {@code k×1} kernel, as the reference code's {@code
     * nn.Conv2d(heads, heads, (k, 1), groups = heads)}. PyTorch's CPU kernel for this shape is a slow one.
     */
    CONV2D("conv2d"),

    /** Banded (Toeplitz) matrix products over chunks of the sequence ({@link BandedDepthwiseConv}). */
    BANDED("banded");

    private final String configName;

    ConvPath(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration files: {@code auto}, {@code conv2d} or {@code banded}. */
    public String configName() {
        return configName;
    }

    /** Returns whether this path computes the convolution as banded matrix products. */
    boolean usesBandedProducts() {
        return this != CONV2D;
    }

    /**
     * Returns the path with a configuration name.
     *
     * @param name {@code auto}, {@code conv2d} or {@code banded} (case-insensitive)
     * @return the path, or null when the name is unknown
     */
    static ConvPath fromConfigName(String name) {
        for (ConvPath path : values()) {
            if (path.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return path;
            }
        }
        return null;
    }
}
