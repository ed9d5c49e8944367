package io.github.lrabench.dataset;

import java.util.Objects;

/**
 * How the training set is divided into train and validation images, and how large each split may be.
 *
 * @param validation contiguous (LRA) or seeded random (sCIFAR)
 * @param validationFraction the share of the training set used for validation, in [0, 1)
 * @param seed the seed of a random split (ignored for a contiguous one)
 * @param caps upper bounds on the split sizes
 */
public record SplitSpec(ValidationSplit validation, double validationFraction, long seed, SplitCaps caps) {

    /** Validates the fraction. */
    public SplitSpec {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(caps, "caps");
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1) but was " + validationFraction);
        }
    }

    /**
     * Returns LRA's split: the last {@code fraction} of the training set, contiguous.
     *
     * @param fraction 0.1 for the protocol (45,000 / 5,000)
     * @return the specification, uncapped
     */
    public static SplitSpec contiguous(double fraction) {
        return new SplitSpec(ValidationSplit.CONTIGUOUS, fraction, 0, SplitCaps.NONE);
    }

    /**
     * Returns a seeded random split.
     *
     * @param fraction 0.1 for sCIFAR
     * @param seed the seed
     * @return the specification, uncapped
     */
    public static SplitSpec random(double fraction, long seed) {
        return new SplitSpec(ValidationSplit.RANDOM, fraction, seed, SplitCaps.NONE);
    }

    /**
     * Returns this specification with caps on the split sizes.
     *
     * @param newCaps the caps
     * @return the capped specification
     */
    public SplitSpec withCaps(SplitCaps newCaps) {
        return new SplitSpec(validation, validationFraction, seed, newCaps);
    }
}
