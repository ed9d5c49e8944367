package io.github.lrabench.dataset;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the validation images are chosen from the training set. */
public enum ValidationSplit {

    /** The last fraction of the training set, in source order (LRA's {@code train[90%:]}). */
    CONTIGUOUS("contiguous"),

    /** A seeded random fraction (S4's {@code random_split} for sCIFAR; this project's RNG, not torch's). */
    RANDOM("random");

    private final String id;

    ValidationSplit(String id) {
        this.id = id;
    }

    /** Returns the configuration name. */
    public String id() {
        return id;
    }

    /**
     * Returns the split kind with this name.
     *
     * @param id {@code contiguous} or {@code random}
     * @return the kind
     * @throws IllegalArgumentException naming the known kinds
     */
    public static ValidationSplit fromId(String id) {
        for (ValidationSplit split : values()) {
            if (split.id.equals(id)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown validation split '" + id + "'; known: "
                + Arrays.stream(values()).map(ValidationSplit::id).collect(Collectors.joining(", ")));
    }
}
