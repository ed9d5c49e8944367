package io.github.lrabench.models.baseline;

/** The family word every provider of this module reports. */
final class ReferenceFamily {

    /** {@code reference}: reports mark these rows as reference rows, not sequence models. */
    static final String NAME = "reference";

    private ReferenceFamily() {}
}
