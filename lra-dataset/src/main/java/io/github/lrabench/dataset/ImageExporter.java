package io.github.lrabench.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes one image as the model sees it: the encoded sequence laid out row-major on a 32×32 grid (so a permuted
 * encoding looks scrambled). {@code lra-image}: the gray tokens; {@code scifar}: each step's three values, mapped
 * back to 0–255 with the normalisation constants of the channel they came from and shown as an RGB pixel (with the
 * channel-major layout these are three neighbouring values of one colour plane).
 */
public final class ImageExporter {

    private final PixelEncoder encoder;

    /**
     * Creates an exporter.
     *
     * @param spec the encoding to show
     */
    public ImageExporter(EncodingSpec spec) {
        this.encoder = new PixelEncoder(spec);
    }

    /**
     * Renders one image.
     *
     * @param images the images
     * @param index the image
     * @param scale the size of one pixel in the output, {@code >= 1} (nearest neighbour)
     * @return a gray ({@code lra-image}) or RGB ({@code scifar}) image of {@code 32·scale} pixels square
     */
    public BufferedImage render(ImageArray images, int index, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1 but was " + scale);
        }
        int side = ImageArray.SIDE * scale;
        EncodingSpec spec = encoder.spec();
        if (spec.encoding() == PixelEncoding.LRA_IMAGE) {
            int[] tokens = new int[ImageArray.PIXELS];
            encoder.encodeTokens(images, index, tokens, 0);
            BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = out.getRaster();
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    raster.setSample(x, y, 0, tokens[(y / scale) * ImageArray.SIDE + x / scale]);
                }
            }
            return out;
        }
        float[] features = new float[ImageArray.IMAGE_BYTES];
        encoder.encodeFeatures(images, index, features, 0);
        boolean triples = spec.layout() == ChannelLayout.PIXEL_TRIPLES;
        int[] rgb = new int[ImageArray.PIXELS];
        for (int t = 0; t < ImageArray.PIXELS; t++) {
            int value = 0;
            for (int k = 0; k < ImageArray.CHANNELS; k++) {
                int position = t * ImageArray.CHANNELS + k;
                int source = triples ? k : position / ImageArray.PIXELS;
                double raw = (features[position] * spec.std().get(source) + spec.mean().get(source)) * 255.0;
                value = value << 8 | (int) Math.max(0, Math.min(255, Math.round(raw)));
            }
            rgb[t] = value;
        }
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out.setRGB(x, y, rgb[(y / scale) * ImageArray.SIDE + x / scale]);
            }
        }
        return out;
    }

    /**
     * Writes one rendered image as a PNG file (via a temporary file and rename).
     *
     * @param images the images
     * @param index the image
     * @param file the PNG file to write
     * @param scale the size of one pixel in the output, {@code >= 1}
     * @return the file
     * @throws IOException when writing fails
     */
    public Path exportPng(ImageArray images, int index, Path file, int scale) throws IOException {
        BufferedImage image = render(images, index, scale);
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return absolute;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
