package io.github.lrabench.models.attention;

import java.util.Locale;

/**
 * Which computation the last encoder layer uses ({@code attention-path}).
 *
 * <p>With CLS pooling only the CLS row of the last layer's output reaches the logits, so that layer needs the
 * keys and values of every position but the query, the attention row, the output projection and the MLP of the
 * CLS position alone. {@link #AUTO} takes that shortcut wherever it is exact (last layer, CLS pooling); {@link
 * #FULL} always computes every row, e.g. to measure what the shortcut saves. Both give the same logits and
 * gradients.
 */
public enum AttentionPath {

    /** The CLS-only shortcut in the last layer when pooling is {@code cls}; every other layer computes all rows. */
    AUTO("auto"),

    /** Every layer computes every row. */
    FULL("full");

    private final String configName;

    AttentionPath(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration files: {@code auto} or {@code full}. */
    public String configName() {
        return configName;
    }

    /**
     * Returns the path with a configuration name.
     *
     * @param name {@code auto} or {@code full} (case-insensitive)
     * @return the path, or null when the name is unknown
     */
    static AttentionPath fromConfigName(String name) {
        for (AttentionPath path : values()) {
            if (path.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return path;
            }
        }
        return null;
    }
}
