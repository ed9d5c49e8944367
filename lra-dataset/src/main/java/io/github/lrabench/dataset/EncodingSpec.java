package io.github.lrabench.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Everything that determines how images become sequences.
 *
 * @param encoding {@code lra-image}, {@code scifar} or {@code pscifar} (RGB floats like {@code scifar}, always
 *     permuted)
 * @param grayscaleWeights the luma weights for R, G, B ({@code lra-image}; empty for {@code scifar})
 * @param mean the per-channel mean after {@code /255} ({@code scifar}; empty for {@code lra-image})
 * @param std the per-channel standard deviation after {@code /255} ({@code scifar}; empty for {@code lra-image})
 * @param permutationSeed present: pixels are reordered by the fixed permutation this seed gives
 * @param layout the channel layout; {@link ChannelLayout#CHANNEL_MAJOR} is only valid for {@code scifar}
 */
public record EncodingSpec(
        PixelEncoding encoding,
        List<Double> grayscaleWeights,
        List<Double> mean,
        List<Double> std,
        OptionalLong permutationSeed,
        ChannelLayout layout) {

    /** Validates the parameters and reports all problems together. */
    public EncodingSpec {
        Objects.requireNonNull(encoding, "encoding");
        grayscaleWeights = List.copyOf(grayscaleWeights);
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        Objects.requireNonNull(permutationSeed, "permutationSeed");
        Objects.requireNonNull(layout, "layout");
        List<String> problems = new ArrayList<>();
        if (encoding == PixelEncoding.LRA_IMAGE) {
            if (grayscaleWeights.size() != 3) {
                problems.add("lra-image needs 3 grayscale weights (R, G, B) but has " + grayscaleWeights);
            }
            if (layout != ChannelLayout.PIXEL_TRIPLES) {
                problems.add("lra-image has one channel per step; the channel-major layout applies to scifar only");
            }
        } else {
            if (mean.size() != 3 || std.size() != 3) {
                problems.add("scifar needs 3 means and 3 standard deviations but has " + mean + " and " + std);
            }
            for (double s : std) {
                if (!(s > 0)) {
                    problems.add("scifar standard deviations must be > 0 but are " + std);
                    break;
                }
            }
        }
        if (encoding == PixelEncoding.PSCIFAR && permutationSeed.isEmpty()) {
            problems.add("pscifar is the permuted task: it needs permuted = true and a permutation-seed");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid encoding: " + String.join("; ", problems));
        }
    }

    /**
     * Returns the {@code lra-image} encoding (raster order, no permutation).
     *
     * @param grayscaleWeights the luma weights, TensorFlow's (0.2989, 0.5870, 0.1140) for the protocol
     * @return the specification
     */
    public static EncodingSpec lraImage(List<Double> grayscaleWeights) {
        return new EncodingSpec(PixelEncoding.LRA_IMAGE, grayscaleWeights, List.of(), List.of(),
                OptionalLong.empty(), ChannelLayout.PIXEL_TRIPLES);
    }

    /**
     * Returns the {@code scifar} encoding (pixel triples, raster order, no permutation).
     *
     * @param mean per-channel means after {@code /255}
     * @param std per-channel standard deviations after {@code /255}
     * @return the specification
     */
    public static EncodingSpec scifar(List<Double> mean, List<Double> std) {
        return new EncodingSpec(PixelEncoding.SCIFAR, List.of(), mean, std, OptionalLong.empty(),
                ChannelLayout.PIXEL_TRIPLES);
    }

    /**
     * Returns the {@code pscifar} encoding: the {@code scifar} floats, pixel triples, under a fixed permutation.
     *
     * @param mean per-channel means after {@code /255}
     * @param std per-channel standard deviations after {@code /255}
     * @param permutationSeed the seed of the permutation of the 1,024 positions
     * @return the specification
     */
    public static EncodingSpec pscifar(List<Double> mean, List<Double> std, long permutationSeed) {
        return new EncodingSpec(PixelEncoding.PSCIFAR, List.of(), mean, std, OptionalLong.of(permutationSeed),
                ChannelLayout.PIXEL_TRIPLES);
    }

    /**
     * Returns this specification with a fixed pixel permutation (a permuted variant of the task).
     *
     * @param seed the permutation's seed
     * @return the permuted specification
     */
    public EncodingSpec withPermutation(long seed) {
        return new EncodingSpec(encoding, grayscaleWeights, mean, std, OptionalLong.of(seed), layout);
    }

    /** Returns this specification in raster order (no permutation). */
    public EncodingSpec withoutPermutation() {
        return new EncodingSpec(encoding, grayscaleWeights, mean, std, OptionalLong.empty(), layout);
    }

    /**
     * Returns this specification with another channel layout.
     *
     * @param newLayout the layout; {@link ChannelLayout#CHANNEL_MAJOR} only for {@code scifar}
     * @return the specification
     */
    public EncodingSpec withLayout(ChannelLayout newLayout) {
        return new EncodingSpec(encoding, grayscaleWeights, mean, std, permutationSeed, newLayout);
    }

    /** Returns a short description, e.g. {@code scifar (pixel-triples, permuted with seed 7)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(encoding.id()).append(" (");
        text.append(encoding.isTokens() ? "grayscale tokens" : layout.id());
        permutationSeed.ifPresent(seed -> text.append(", permuted with seed ").append(seed));
        return text.append(')').toString();
    }
}
