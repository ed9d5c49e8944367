package io.github.lrabench.api;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What a classifier is asked to do: the shape of one input sequence and the number of classes.
 *
 * <p>A task with {@code vocabularySize > 0} feeds integer tokens of shape {@code (B, L)} in {@code
 * [0, vocabularySize)}; otherwise it feeds floats of shape {@code (B, L, C)}.
 *
 * @param name the protocol's name, e.g. {@code lra-image} or {@code scifar}
 * @param sequenceLength L, the number of steps in one sequence
 * @param channels C, the features per step (1 for token tasks)
 * @param vocabularySize the token vocabulary, or 0 for continuous inputs
 * @param numClasses the number of output classes
 */
public record TaskSpec(String name, int sequenceLength, int channels, int vocabularySize, int numClasses) {

    /** Validates every component and reports all problems together. */
    public TaskSpec {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name must not be blank");
        }
        if (sequenceLength < 1) {
            problems.add("sequenceLength must be >= 1 but was " + sequenceLength);
        }
        if (channels < 1) {
            problems.add("channels must be >= 1 but was " + channels);
        }
        if (vocabularySize < 0) {
            problems.add("vocabularySize must be >= 0 but was " + vocabularySize);
        }
        if (vocabularySize > 0 && channels != 1) {
            problems.add("a token task (vocabularySize > 0) has 1 channel, not " + channels);
        }
        if (numClasses < 2) {
            problems.add("numClasses must be >= 2 but was " + numClasses);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid TaskSpec: " + String.join("; ", problems));
        }
    }

    /** Returns whether inputs are integer tokens rather than float features. */
    public boolean isTokenInput() {
        return vocabularySize > 0;
    }

    /**
     * Returns the input shape for a batch: {@code (B, L)} for tokens, {@code (B, L, C)} for floats.
     *
     * @param batchSize B
     * @return the shape the classifier's block accepts
     */
    public Shape inputShape(long batchSize) {
        return isTokenInput()
                ? new Shape(batchSize, sequenceLength)
                : new Shape(batchSize, sequenceLength, channels);
    }

    /** Returns the expected input shape written with symbolic batch, e.g. {@code (B, 1024)}. */
    public String describeInputShape() {
        return isTokenInput()
                ? "(B, " + sequenceLength + ")"
                : "(B, " + sequenceLength + ", " + channels + ")";
    }
}
