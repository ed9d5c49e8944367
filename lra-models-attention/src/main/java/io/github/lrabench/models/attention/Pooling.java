package io.github.lrabench.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Locale;

/** How a sequence of token vectors {@code (B, L, d)} becomes one vector {@code (B, d)} per example. */
public enum Pooling {

    /** A learned CLS vector is prepended to the sequence and its final state is used (ViT, LRA). */
    CLS("cls"),

    /**
     * The mean over all positions. With a token mask, masked positions are zeroed first and still counted in the
     * divisor, as the Nyströmformer reference code does.
     */
    MEAN("mean");

    private final String configName;

    Pooling(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration files: {@code cls} or {@code mean}. */
    public String configName() {
        return configName;
    }

    /** Returns whether this pooling needs a CLS vector prepended to the sequence. */
    public boolean usesClsToken() {
        return this == CLS;
    }

    /**
     * Pools a sequence.
     *
     * @param x token vectors {@code (B, L, d)}
     * @param mask {@code (B, L)} of 1 (kept) and 0 (masked), or null for none
     * @return {@code (B, d)}
     */
    public NDArray pool(NDArray x, NDArray mask) {
        if (this == CLS) {
            return x.get(new NDIndex(":, 0, :"));
        }
        NDArray kept = mask == null ? x : x.mul(mask.expandDims(2));
        return kept.mean(new int[] {1});
    }

    /**
     * Returns the pooling with a configuration name.
     *
     * @param name {@code cls} or {@code mean} (case-insensitive)
     * @return the pooling, or null when the name is unknown
     */
    static Pooling fromConfigName(String name) {
        for (Pooling pooling : values()) {
            if (pooling.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return pooling;
            }
        }
        return null;
    }
}
