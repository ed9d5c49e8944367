package io.github.lrabench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * A decoded CIFAR-style dataset: the training and test images and the class names (index = label).
 *
 * @param train the training images (50,000 for CIFAR-10, in the source's order)
 * @param test the test images (10,000 for CIFAR-10)
 * @param classNames the class names; label {@code k} is {@code classNames.get(k)}
 * @param origin where the data came from, for logs and reports (a path or URL)
 */
public record CifarData(ImageArray train, ImageArray test, List<String> classNames, String origin) {

    /** Validates that every label names a class. */
    public CifarData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(origin, "origin");
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("a dataset needs at least 2 classes but has " + classNames);
        }
        train.classCounts(classNames.size());
        test.classCounts(classNames.size());
    }

    /** Returns the number of classes. */
    public int numClasses() {
        return classNames.size();
    }
}
