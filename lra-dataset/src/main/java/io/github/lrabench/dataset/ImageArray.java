package io.github.lrabench.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.Objects;

/**
 * N labelled 32×32 RGB images as raw bytes, in the layout of the official binary release: each image is 3,072
 * bytes, the red plane, then green, then blue, each plane row-major.
 *
 * <p>The arrays are shared, not copied (a CIFAR-10 training set is 150 MB); callers must not modify what {@link
 * #pixels()} and {@link #labels()} return.
 */
public final class ImageArray {

    /** Image width and height. */
    public static final int SIDE = 32;
    /** Colour channels (R, G, B). */
    public static final int CHANNELS = 3;
    /** Pixels per image (32 × 32). */
    public static final int PIXELS = SIDE * SIDE;
    /** Bytes per image (3 planes of 1,024). */
    public static final int IMAGE_BYTES = CHANNELS * PIXELS;

    private final byte[] pixels;
    private final byte[] labels;

    /**
     * Wraps the arrays without copying.
     *
     * @param pixels {@code labels.length × 3072} bytes, planar RGB per image
     * @param labels one class index (0..127) per image
     * @throws IllegalArgumentException when the lengths disagree or a label is negative
     */
    public ImageArray(byte[] pixels, byte[] labels) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * IMAGE_BYTES != pixels.length) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " × " + IMAGE_BYTES
                    + " bytes but holds " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label of image " + i + " is negative: " + labels[i]);
            }
        }
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Returns one image as an array of one, its pixels laid out exactly as the data pipeline lays out a decoded
     * file (a grey image's stored values in all three planes, without a colour-space conversion).
     *
     * @param image a 32×32 image
     * @param label its class index (0..127)
     * @return the array
     * @throws IllegalArgumentException when the image is not 32×32 or the label is negative
     */
    public static ImageArray of(BufferedImage image, int label) {
        if (image.getWidth() != SIDE || image.getHeight() != SIDE) {
            throw new IllegalArgumentException("expected a " + SIDE + "×" + SIDE + " image but got "
                    + image.getWidth() + "×" + image.getHeight());
        }
        byte[] planes = new byte[IMAGE_BYTES];
        copyPixels(image, planes, 0);
        return new ImageArray(planes, new byte[] {(byte) label});
    }

    /**
     * Copies a 32×32 image into {@code destination[offset .. offset + 3072)} as planar RGB; a grey image's stored
     * values go to all three planes unchanged.
     */
    static void copyPixels(BufferedImage image, byte[] destination, int offset) {
        int pixels = ImageArray.PIXELS;
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // getRGB would pass gray through a colour-space conversion; the raster holds the stored values
            Raster raster = image.getRaster();
            for (int p = 0; p < pixels; p++) {
                byte value = (byte) raster.getSample(p % ImageArray.SIDE, p / ImageArray.SIDE, 0);
                destination[offset + p] = value;
                destination[offset + pixels + p] = value;
                destination[offset + 2 * pixels + p] = value;
            }
            return;
        }
        int[] argb = image.getRGB(0, 0, ImageArray.SIDE, ImageArray.SIDE, null, 0, ImageArray.SIDE);
        for (int p = 0; p < pixels; p++) {
            int value = argb[p];
            destination[offset + p] = (byte) (value >> 16);
            destination[offset + pixels + p] = (byte) (value >> 8);
            destination[offset + 2 * pixels + p] = (byte) value;
        }
    }

    /** Returns an array holding no images. */
    public static ImageArray empty() {
        return new ImageArray(new byte[0], new byte[0]);
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the class index of one image.
     *
     * @param index the image, 0-based
     * @return its label
     */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Returns one channel value.
     *
     * @param index the image
     * @param channel 0 red, 1 green, 2 blue
     * @param pixel the pixel in raster order, {@code row * 32 + column}
     * @return the value 0..255
     */
    public int value(int index, int channel, int pixel) {
        return pixels[index * IMAGE_BYTES + channel * PIXELS + pixel] & 0xFF;
    }

    /** Returns the shared pixel array ({@code size() × 3072} bytes, planar RGB); do not modify it. */
    public byte[] pixels() {
        return pixels;
    }

    /** Returns the shared label array (one byte per image); do not modify it. */
    public byte[] labels() {
        return labels;
    }

    /** Returns the labels as ints (a new array). */
    public int[] labelsAsInts() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /**
     * Returns a copy of one image's 3,072 bytes (planar RGB).
     *
     * @param index the image
     * @return a new array
     */
    public byte[] image(int index) {
        return Arrays.copyOfRange(pixels, index * IMAGE_BYTES, (index + 1) * IMAGE_BYTES);
    }

    /**
     * Returns the images {@code from} (inclusive) to {@code to} (exclusive) as a new array.
     *
     * @param from first image
     * @param to end, exclusive
     * @return the slice
     */
    public ImageArray range(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new ImageArray(
                Arrays.copyOfRange(pixels, from * IMAGE_BYTES, to * IMAGE_BYTES),
                Arrays.copyOfRange(labels, from, to));
    }

    /**
     * Returns the chosen images, in the given order, as a new array.
     *
     * @param indices image indices (repeats allowed)
     * @return the selection
     */
    public ImageArray select(int[] indices) {
        byte[] outPixels = new byte[indices.length * IMAGE_BYTES];
        byte[] outLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int source = indices[i];
            Objects.checkIndex(source, size());
            System.arraycopy(pixels, source * IMAGE_BYTES, outPixels, i * IMAGE_BYTES, IMAGE_BYTES);
            outLabels[i] = labels[source];
        }
        return new ImageArray(outPixels, outLabels);
    }

    /**
     * Counts the images of each class.
     *
     * @param numClasses the number of classes
     * @return counts indexed by class
     * @throws IllegalArgumentException when a label is {@code >= numClasses}
     */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "image " + i + " has label " + labels[i] + " but there are " + numClasses + " classes");
            }
            counts[labels[i]]++;
        }
        return counts;
    }

    /** Two arrays are equal when they hold the same images and labels in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ImageArray that
                && Arrays.equals(labels, that.labels)
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ImageArray[" + size() + " images]";
    }
}
