package io.github.lrabench.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a dataset as an image folder ({@code train/<class>/NNNN.png}, {@code test/<class>/NNNN.png}) that {@link
 * ImageFolderReader} reads back. Within a class, files are numbered in the order the images appear; a dataset whose
 * labels cycle round-robin over the classes is read back in the same order.
 */
public final class ImageFolderWriter {

    /** The image file format. */
    public enum Format {
        /** Lossless PNG: reading back gives the same bytes. */
        PNG("png", "png"),
        /** JPEG (lossy): reading back gives close, not equal, bytes. */
        JPEG("jpeg", "jpg");

        private final String imageIoName;
        private final String extension;

        Format(String imageIoName, String extension) {
            this.imageIoName = imageIoName;
            this.extension = extension;
        }
    }

    private final Format format;

    /**
     * Creates a writer.
     *
     * @param format PNG or JPEG
     */
    public ImageFolderWriter(Format format) {
        this.format = format;
    }

    /**
     * Writes both splits under {@code root}.
     *
     * @param data the images
     * @param root the folder, created when missing
     * @throws IOException when writing fails
     */
    public void write(CifarData data, Path root) throws IOException {
        writeSplit(data.train(), data, root.resolve(ImageFolderReader.TRAIN));
        writeSplit(data.test(), data, root.resolve(ImageFolderReader.TEST));
    }

    private void writeSplit(ImageArray images, CifarData data, Path split) throws IOException {
        int[] next = new int[data.numClasses()];
        for (String name : data.classNames()) {
            Files.createDirectories(split.resolve(name));
        }
        for (int i = 0; i < images.size(); i++) {
            int label = images.label(i);
            String fileName = String.format(Locale.ROOT, "%04d.%s", next[label]++, format.extension);
            writeImage(images, i, split.resolve(data.classNames().get(label)).resolve(fileName), format);
        }
    }

    /**
     * Writes one image of an array as an RGB file.
     *
     * @param images the array
     * @param index the image
     * @param file the file to write
     * @param format PNG or JPEG
     * @throws IOException when writing fails
     */
    static void writeImage(ImageArray images, int index, Path file, Format format) throws IOException {
        BufferedImage image = new BufferedImage(ImageArray.SIDE, ImageArray.SIDE, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < ImageArray.PIXELS; p++) {
            int rgb = images.value(index, 0, p) << 16 | images.value(index, 1, p) << 8 | images.value(index, 2, p);
            image.setRGB(p % ImageArray.SIDE, p / ImageArray.SIDE, rgb);
        }
        if (!ImageIO.write(image, format.imageIoName, file.toFile())) {
            throw new IOException("no " + format.imageIoName + " writer available for " + file);
        }
    }
}
