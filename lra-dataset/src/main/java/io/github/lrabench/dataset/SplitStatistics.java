package io.github.lrabench.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one split holds; plain values, ready for JSON.
 *
 * @param split the split's name, e.g. {@code train}
 * @param images the number of images
 * @param perClass images per class name, in label order
 * @param channelMean the mean R, G and B value on the 0–255 scale
 * @param channelStd the standard deviation (over all pixels) of R, G and B on the 0–255 scale
 * @param meanLraImageToken the mean {@code lra-image} token (TensorFlow grayscale, 0–255)
 */
public record SplitStatistics(String split, int images, Map<String, Integer> perClass, List<Double> channelMean,
        List<Double> channelStd, double meanLraImageToken) {

    /** Copies the collections (keeping the class order). */
    public SplitStatistics {
        Objects.requireNonNull(split, "split");
        perClass = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perClass));
        channelMean = List.copyOf(channelMean);
        channelStd = List.copyOf(channelStd);
    }
}
