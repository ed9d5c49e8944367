package io.github.lrabench.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and summarises splits: images, images per class, per-channel pixel mean and standard deviation (0–255),
 * and the mean {@code lra-image} token.
 */
public final class DataInspector {

    private final PixelEncoder grayscale;

    /**
     * Creates an inspector.
     *
     * @param lraImage the {@code lra-image} encoding whose mean token is reported (its permutation is irrelevant)
     */
    public DataInspector(EncodingSpec lraImage) {
        if (lraImage.encoding() != PixelEncoding.LRA_IMAGE) {
            throw new IllegalArgumentException("the mean token needs the lra-image encoding, not "
                    + lraImage.encoding().id());
        }
        this.grayscale = new PixelEncoder(lraImage.withoutPermutation());
    }

    /**
     * Returns an inspector using the configured {@code lra-image} encoding.
     *
     * @param settings the data settings
     * @return the inspector
     */
    public static DataInspector fromSettings(DataSettings settings) {
        return new DataInspector(settings.encoding(PixelEncoding.LRA_IMAGE));
    }

    /**
     * Inspects a protocol's three splits.
     *
     * @param splits train, validation and test
     * @return the report
     */
    public DataInspection inspect(DataSplits splits) {
        return new DataInspection(splits.origin(), splits.classNames(), List.of(
                statistics("train", splits.train(), splits.classNames()),
                statistics("validation", splits.validation(), splits.classNames()),
                statistics("test", splits.test(), splits.classNames())));
    }

    /**
     * Inspects a dataset as released: the whole training and test sets.
     *
     * @param data the dataset
     * @return the report
     */
    public DataInspection inspect(CifarData data) {
        return new DataInspection(data.origin(), data.classNames(), List.of(
                statistics("train", data.train(), data.classNames()),
                statistics("test", data.test(), data.classNames())));
    }

    /**
     * Summarises one split.
     *
     * @param name the split's name
     * @param images its images
     * @param classNames the class names in label order
     * @return the statistics
     */
    public SplitStatistics statistics(String name, ImageArray images, List<String> classNames) {
        int[] counts = images.classCounts(classNames.size());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            perClass.put(classNames.get(c), counts[c]);
        }
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        byte[] pixels = images.pixels();
        double values = (double) images.size() * ImageArray.PIXELS;
        for (int c = 0; c < ImageArray.CHANNELS; c++) {
            long sum = 0;
            long squares = 0;
            for (int i = 0; i < images.size(); i++) {
                int plane = i * ImageArray.IMAGE_BYTES + c * ImageArray.PIXELS;
                for (int p = plane; p < plane + ImageArray.PIXELS; p++) {
                    int v = pixels[p] & 0xFF;
                    sum += v;
                    squares += (long) v * v;
                }
            }
            double m = images.size() == 0 ? 0 : sum / values;
            double variance = images.size() == 0 ? 0 : Math.max(0, squares / values - m * m);
            mean.add(m);
            std.add(Math.sqrt(variance));
        }
        return new SplitStatistics(name, images.size(), perClass, mean, std, grayscale.meanToken(images));
    }
}
