package io.github.lrabench.dataset;

/**
 * Upper bounds on split sizes, for profiles that run on less data. A capped split keeps the first images of each
 * class in order, as evenly across classes as the data allows (see {@link Splitter#capBalanced}).
 *
 * @param train the most training images
 * @param validation the most validation images
 * @param test the most test images
 */
public record SplitCaps(int train, int validation, int test) {

    /** No caps. */
    public static final SplitCaps NONE = new SplitCaps(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** Validates that every cap is at least 1. */
    public SplitCaps {
        if (train < 1 || validation < 1 || test < 1) {
            throw new IllegalArgumentException("split caps must be >= 1 but are train " + train + ", validation "
                    + validation + ", test " + test);
        }
    }
}
