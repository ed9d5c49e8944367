package io.github.lrabench.dataset;

import java.util.stream.IntStream;

/**
 * Turns images into sequences as an {@link EncodingSpec} says. Stateless after construction; thread-safe.
 *
 * <p>{@code lra-image}: TensorFlow's {@code tf.image.rgb_to_grayscale} on uint8 images, reproduced in float32:
 * each channel {@code v * float32(1/255)}, the dot product with the weights (R, G, B summed in that order), then
 * {@code * 255.5} and truncation back to uint8 ({@code convert_image_dtype}). Tokens 0..255, row-major.
 *
 * <p>{@code scifar}: {@code (v / 255 - mean[c]) / std[c]} in float32, as torchvision's {@code ToTensor} and {@code
 * Normalize} compute it; step {@code t} holds pixel {@code t}'s (R, G, B), or with {@link
 * ChannelLayout#CHANNEL_MAJOR} three consecutive values of the channel-major buffer.
 *
 * <p>With a permutation, step {@code t} takes pixel {@code permutation[t]} (in every channel plane).
 */
public final class PixelEncoder {

    private final EncodingSpec spec;
    private final int[] order;
    private final float[][] channelTable;

    /**
     * Prepares the lookup tables and the pixel order.
     *
     * @param spec the encoding
     */
    public PixelEncoder(EncodingSpec spec) {
        this.spec = spec;
        this.order = spec.permutationSeed().isPresent()
                ? Permutations.of(spec.permutationSeed().getAsLong(), ImageArray.PIXELS)
                : Permutations.identity(ImageArray.PIXELS);
        this.channelTable = new float[ImageArray.CHANNELS][256];
        float toUnit = (float) (1.0 / 255.0);
        for (int c = 0; c < ImageArray.CHANNELS; c++) {
            for (int v = 0; v < 256; v++) {
                if (spec.encoding() == PixelEncoding.LRA_IMAGE) {
                    float weight = spec.grayscaleWeights().get(c).floatValue();
                    channelTable[c][v] = ((float) v * toUnit) * weight;
                } else {
                    float mean = spec.mean().get(c).floatValue();
                    float std = spec.std().get(c).floatValue();
                    channelTable[c][v] = ((float) v / 255f - mean) / std;
                }
            }
        }
    }

    /** Returns the encoding. */
    public EncodingSpec spec() {
        return spec;
    }

    /** Returns the pixel order: step {@code t} reads pixel {@code order[t]} (a copy). */
    public int[] pixelOrder() {
        return order.clone();
    }

    /**
     * Converts one RGB pixel to its 8-bit gray value exactly as TensorFlow's {@code rgb_to_grayscale} on uint8.
     *
     * @param red 0..255
     * @param green 0..255
     * @param blue 0..255
     * @return the gray value 0..255
     * @throws IllegalStateException for a {@code scifar} encoder
     */
    public int grayscale(int red, int green, int blue) {
        if (spec.encoding() != PixelEncoding.LRA_IMAGE) {
            throw new IllegalStateException("grayscale tokens belong to lra-image, not " + spec.encoding().id());
        }
        float gray = channelTable[0][red] + channelTable[1][green] + channelTable[2][blue];
        return (int) (gray * 255.5f);
    }

    /**
     * Encodes all images.
     *
     * @param images the images
     * @return the sequences and labels
     */
    public EncodedSplit encode(ImageArray images) {
        int n = images.size();
        int[] labels = images.labelsAsInts();
        if (spec.encoding() == PixelEncoding.LRA_IMAGE) {
            int[] tokens = new int[Math.multiplyExact(n, ImageArray.PIXELS)];
            IntStream.range(0, n).parallel().forEach(i -> encodeTokens(images, i, tokens, i * ImageArray.PIXELS));
            return new EncodedSplit(spec, tokens, null, labels);
        }
        float[] features = new float[Math.multiplyExact(n, ImageArray.IMAGE_BYTES)];
        IntStream.range(0, n).parallel()
                .forEach(i -> encodeFeatures(images, i, features, i * ImageArray.IMAGE_BYTES));
        return new EncodedSplit(spec, null, features, labels);
    }

    /**
     * Encodes the three splits.
     *
     * @param splits the images
     * @return the sequences of each split
     */
    public EncodedSplits encode(DataSplits splits) {
        return new EncodedSplits(encode(splits.train()), encode(splits.validation()), encode(splits.test()),
                splits.classNames());
    }

    /**
     * Encodes one image into {@code 1024} tokens.
     *
     * @param images the images
     * @param index the image
     * @param out the destination
     * @param offset where the sequence starts in {@code out}
     */
    public void encodeTokens(ImageArray images, int index, int[] out, int offset) {
        byte[] pixels = images.pixels();
        int base = index * ImageArray.IMAGE_BYTES;
        float[] red = channelTable[0];
        float[] green = channelTable[1];
        float[] blue = channelTable[2];
        for (int t = 0; t < ImageArray.PIXELS; t++) {
            int p = base + order[t];
            float gray = red[pixels[p] & 0xFF] + green[pixels[p + ImageArray.PIXELS] & 0xFF]
                    + blue[pixels[p + 2 * ImageArray.PIXELS] & 0xFF];
            out[offset + t] = (int) (gray * 255.5f);
        }
    }

    /**
     * Encodes one image into {@code 1024 × 3} floats.
     *
     * @param images the images
     * @param index the image
     * @param out the destination
     * @param offset where the sequence starts in {@code out}
     */
    public void encodeFeatures(ImageArray images, int index, float[] out, int offset) {
        byte[] pixels = images.pixels();
        int base = index * ImageArray.IMAGE_BYTES;
        boolean triples = spec.layout() == ChannelLayout.PIXEL_TRIPLES;
        for (int c = 0; c < ImageArray.CHANNELS; c++) {
            float[] table = channelTable[c];
            int plane = base + c * ImageArray.PIXELS;
            for (int t = 0; t < ImageArray.PIXELS; t++) {
                float value = table[pixels[plane + order[t]] & 0xFF];
                // pixel triples: (t, c) at t*3+c; channel-major: the (3, 1024) buffer read as (1024, 3)
                int position = triples ? t * ImageArray.CHANNELS + c : c * ImageArray.PIXELS + t;
                out[offset + position] = value;
            }
        }
    }

    /**
     * Returns the mean token of the {@code lra-image} encoding over all images and pixels.
     *
     * @param images the images
     * @return the mean gray value 0..255 (0 for no images)
     */
    public double meanToken(ImageArray images) {
        if (images.size() == 0) {
            return 0;
        }
        long sum = IntStream.range(0, images.size()).parallel().mapToLong(i -> {
            int[] tokens = new int[ImageArray.PIXELS];
            encodeTokens(images, i, tokens, 0);
            long s = 0;
            for (int token : tokens) {
                s += token;
            }
            return s;
        }).sum();
        return (double) sum / ((long) images.size() * ImageArray.PIXELS);
    }

    /**
     * Returns an encoder for the protocol encodings in the settings.
     *
     * @param settings the data settings
     * @param encoding the protocol's encoding
     * @return the encoder
     */
    public static PixelEncoder forProtocol(DataSettings settings, PixelEncoding encoding) {
        return new PixelEncoder(settings.encoding(encoding));
    }
}
