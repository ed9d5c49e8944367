package io.github.lrabench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * The three splits of a protocol, encoded.
 *
 * @param train the training sequences
 * @param validation the validation sequences
 * @param test the test sequences
 * @param classNames the class names, index = label
 */
public record EncodedSplits(EncodedSplit train, EncodedSplit validation, EncodedSplit test, List<String> classNames) {

    /** Copies the class list and checks for nulls. */
    public EncodedSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
    }
}
