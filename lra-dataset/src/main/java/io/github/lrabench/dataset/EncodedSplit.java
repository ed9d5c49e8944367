package io.github.lrabench.dataset;

import ai.djl.ndarray.types.Shape;
import io.github.lrabench.api.TaskSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * One split as the model sees it, in Java primitive arrays: integer tokens of shape {@code (N, 1024)} for {@code
 * lra-image} or floats of shape {@code (N, 1024, 3)} for {@code scifar}, row-major, and one label per sequence.
 *
 * <p>Exactly one of {@code tokens} and {@code features} is non-null. The arrays are shared, not copied.
 *
 * @param encoding how the sequences were made
 * @param tokens {@code N × 1024} tokens 0..255, or null
 * @param features {@code N × 1024 × 3} floats, or null
 * @param labels {@code N} class indices
 */
public record EncodedSplit(EncodingSpec encoding, int[] tokens, float[] features, int[] labels) {

    /** Checks that the arrays fit the encoding. */
    public EncodedSplit {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(labels, "labels");
        long expected = (long) labels.length * PixelEncoding.SEQUENCE_LENGTH * encoding.encoding().channels();
        if (encoding.encoding().isTokens()) {
            if (tokens == null || features != null || tokens.length != expected) {
                throw new IllegalArgumentException("lra-image needs " + expected + " tokens and no features");
            }
        } else if (features == null || tokens != null || features.length != expected) {
            throw new IllegalArgumentException("scifar needs " + expected + " features and no tokens");
        }
    }

    /** Returns the number of sequences. */
    public int size() {
        return labels.length;
    }

    /** Returns whether the sequences are integer tokens. */
    public boolean isTokens() {
        return tokens != null;
    }

    /** Returns the data shape: {@code (N, 1024)} or {@code (N, 1024, 3)}. */
    public Shape shape() {
        return encoding.encoding().isTokens()
                ? new Shape(size(), PixelEncoding.SEQUENCE_LENGTH)
                : new Shape(size(), PixelEncoding.SEQUENCE_LENGTH, encoding.encoding().channels());
    }

    /**
     * Returns the task a classifier of these sequences solves.
     *
     * @param numClasses the number of classes
     * @return the task
     */
    public TaskSpec taskSpec(int numClasses) {
        return encoding.encoding().taskSpec(numClasses);
    }

    /** Compares the arrays' contents. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedSplit that
                && encoding.equals(that.encoding)
                && Arrays.equals(tokens, that.tokens)
                && Arrays.equals(features, that.features)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(encoding, Arrays.hashCode(tokens), Arrays.hashCode(features), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "EncodedSplit[" + encoding.describe() + ", shape " + shape() + "]";
    }
}
