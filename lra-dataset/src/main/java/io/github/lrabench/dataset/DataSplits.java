package io.github.lrabench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * The three splits a protocol trains, selects and reports on.
 *
 * @param train the training images
 * @param validation the validation images (from the training set)
 * @param test the test images
 * @param classNames the class names, index = label
 * @param origin where the data came from
 */
public record DataSplits(ImageArray train, ImageArray validation, ImageArray test, List<String> classNames,
        String origin) {

    /** Copies the class list and checks for nulls. */
    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(origin, "origin");
    }
}
