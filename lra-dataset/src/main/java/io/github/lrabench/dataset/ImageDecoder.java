package io.github.lrabench.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Decodes one 32×32 PNG or JPEG file into planar RGB bytes with {@code javax.imageio}. Thread-safe. */
final class ImageDecoder {

    private ImageDecoder() {}

    /**
     * Decodes a file into {@code destination[offset .. offset + 3072)}: R plane, G plane, B plane.
     *
     * @param file the image file
     * @param destination the pixel array
     * @param offset where this image starts
     * @throws InvalidDataException when the file is not a PNG or JPEG image or is not 32×32
     * @throws IOException when reading fails
     */
    static void decodeInto(Path file, byte[] destination, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidDataException(file + " is not an image file; expected a 32×32 PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new InvalidDataException(
                            file + " is a " + format + " image; expected a 32×32 PNG or JPEG image");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != ImageArray.SIDE || height != ImageArray.SIDE) {
                    throw new InvalidDataException(file + " is " + width + "×" + height
                            + " pixels; expected 32×32 RGB images");
                }
                ImageArray.copyPixels(reader.read(0), destination, offset);
            } catch (IIOException e) {
                throw new InvalidDataException(file + " could not be decoded as a PNG or JPEG image: "
                        + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
