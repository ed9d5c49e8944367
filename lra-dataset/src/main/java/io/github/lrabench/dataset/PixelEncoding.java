package io.github.lrabench.dataset;

import io.github.lrabench.api.TaskSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways of reading a CIFAR-10 image as a sequence, named as the protocols that use them. */
public enum PixelEncoding {

    /**
     * LRA Image: TensorFlow's {@code rgb_to_grayscale} to 8-bit, integer tokens 0..255, row-major, shape {@code (N,
     * 1024)} int32.
     */
    LRA_IMAGE("lra-image", 1, 256),

    /**
     * Sequential CIFAR-10 as S4 defines it: RGB, {@code x/255} normalised per channel, 3 floats per step, shape
     * {@code (N, 1024, 3)} float32.
     */
    SCIFAR("scifar", 3, 0),

    /**
     * Permuted sequential CIFAR-10: {@link #SCIFAR} with one fixed, seeded permutation of the 1,024 positions
     * applied to every image of every split (locality destroyed); its encoding must be permuted.
     */
    PSCIFAR("pscifar", 3, 0);

    /** The sequence length of every encoding: 32 × 32 pixels. */
    public static final int SEQUENCE_LENGTH = ImageArray.PIXELS;

    private final String id;
    private final int channels;
    private final int vocabularySize;

    PixelEncoding(String id, int channels, int vocabularySize) {
        this.id = id;
        this.channels = channels;
        this.vocabularySize = vocabularySize;
    }

    /** Returns the protocol name, e.g. {@code lra-image}. */
    public String id() {
        return id;
    }

    /** Returns the features per step: 1 for tokens, 3 for RGB floats. */
    public int channels() {
        return channels;
    }

    /** Returns the token vocabulary (256), or 0 for float inputs. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Returns whether the encoding gives integer tokens. */
    public boolean isTokens() {
        return vocabularySize > 0;
    }

    /**
     * Returns the task a classifier of this encoding solves.
     *
     * @param numClasses the classes (10 for CIFAR-10)
     * @return the task, named by {@link #id()}
     */
    public TaskSpec taskSpec(int numClasses) {
        return new TaskSpec(id, SEQUENCE_LENGTH, channels, vocabularySize, numClasses);
    }

    /**
     * Returns the encoding with this id.
     *
     * @param id {@code lra-image}, {@code scifar} or {@code pscifar}
     * @return the encoding
     * @throws IllegalArgumentException naming the known ids
     */
    public static PixelEncoding fromId(String id) {
        for (PixelEncoding encoding : values()) {
            if (encoding.id.equals(id.toLowerCase(Locale.ROOT))) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("unknown pixel encoding '" + id + "'; known: "
                + Arrays.stream(values()).map(PixelEncoding::id).collect(Collectors.joining(", ")));
    }
}
