package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    private final ImageFolderReader reader = new ImageFolderReader(List.of(), 2);

    @TempDir
    Path dir;

    @Test
    void binaryReleaseAndPngFolderOfTheSamePixelsGiveIdenticalArrays() throws IOException {
        Path binary = SyntheticCifar.writeBinary(dir.resolve("bin"), 10, 11);
        CifarData fromBinary = new CifarBinaryReader(new CifarBinaryFormat(10)).read(binary);
        new ImageFolderWriter(ImageFolderWriter.Format.PNG).write(fromBinary, dir.resolve("png"));

        CifarData fromFolder = reader.read(dir.resolve("png"));

        assertThat(fromFolder.classNames()).isEqualTo(fromBinary.classNames());
        assertThat(fromFolder.train()).isEqualTo(fromBinary.train());
        assertThat(fromFolder.test()).isEqualTo(fromBinary.test());
        assertThat(new PixelEncoder(DataSettings.defaults().encoding(PixelEncoding.LRA_IMAGE))
                .encode(fromFolder.train()))
                .isEqualTo(new PixelEncoder(DataSettings.defaults().encoding(PixelEncoding.LRA_IMAGE))
                        .encode(fromBinary.train()));
    }

    @Test
    void readsJpegFilesCloseToTheirPixels() throws IOException {
        CifarData data = SyntheticCifar.generate(20, 10, 5);
        new ImageFolderWriter(ImageFolderWriter.Format.JPEG).write(data, dir);

        CifarData read = reader.read(dir);

        assertThat(read.train().size()).isEqualTo(20);
        assertThat(read.train().labels()).isEqualTo(data.train().labels());
        double meanAbsoluteError = 0;
        byte[] a = read.train().pixels();
        byte[] b = data.train().pixels();
        for (int i = 0; i < a.length; i++) {
            meanAbsoluteError += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        assertThat(meanAbsoluteError / a.length).isLessThan(12.0);
    }

    @Test
    void classIndexIsTheSortedFolderPositionAndImagesAreInterleaved() throws IOException {
        writeImage(dir.resolve("train/zebra/a.png"), 32, 32, 0x010203);
        writeImage(dir.resolve("train/zebra/b.png"), 32, 32, 0x040506);
        writeImage(dir.resolve("train/apple/only.png"), 32, 32, 0x070809);
        writeImage(dir.resolve("train/mango/m1.png"), 32, 32, 0x0a0b0c);
        writeImage(dir.resolve("test/zebra/t.png"), 32, 32, 0);
        writeImage(dir.resolve("test/apple/t.png"), 32, 32, 0);
        writeImage(dir.resolve("test/mango/t.png"), 32, 32, 0);
        Files.writeString(dir.resolve("train/zebra/.DS_Store"), "ignored");

        CifarData data = reader.read(dir);

        assertThat(data.classNames()).containsExactly("apple", "mango", "zebra");
        // round-robin: apple/only, mango/m1, zebra/a, then zebra/b
        assertThat(data.train().labelsAsInts()).containsExactly(0, 1, 2, 2);
        assertThat(data.train().value(2, 0, 0)).isEqualTo(1);
        assertThat(data.train().value(3, 2, 1023)).isEqualTo(6);
        assertThat(data.train().value(0, 1, 500)).isEqualTo(8);
    }

    @Test
    void configuredClassOrderGivesTheIndex() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 1, 3);
        List<String> reversed = new java.util.ArrayList<>(CifarBinaryFormat.CLASS_NAMES);
        java.util.Collections.reverse(reversed);

        CifarData data = new ImageFolderReader(reversed, 1).read(dir);

        assertThat(data.classNames()).isEqualTo(reversed);
        assertThat(data.train().label(0)).isEqualTo(0);
        assertThat(data.classNames().get(data.train().label(0))).isEqualTo("truck");
    }

    @Test
    void configuredClassOrderMustNameTheFolders() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 1, 3);

        assertThatThrownBy(() -> new ImageFolderReader(List.of("cat", "dog"), 1).read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("lra.data.class-names")
                .hasMessageContaining("airplane");
    }

    @Test
    void nonImageFileIsNamed() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 2, 3);
        Path bad = dir.resolve("train/cat/notes.txt");
        Files.writeString(bad, "this is not an image");

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("not an image file")
                .hasMessageContaining("32×32 PNG or JPEG");
    }

    @Test
    void wronglySizedImageIsNamed() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 2, 3);
        Path bad = dir.resolve("test/dog/0001.png");
        writeImage(bad, 31, 32, 0x808080);

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("31×32")
                .hasMessageContaining("expected 32×32");
    }

    @Test
    void emptyClassFolderIsNamed() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 2, 3);
        Path empty = dir.resolve("train/horse");
        try (var files = Files.list(empty)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("class folder " + empty)
                .hasMessageContaining("is empty");
    }

    @Test
    void differentClassesInTrainAndTestAreReported() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 1, 3);
        writeImage(dir.resolve("train/unicorn/0000.png"), 32, 32, 0);

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("unicorn")
                .hasMessageContaining("differ");
    }

    @Test
    void grayscalePngGivesEqualChannels() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 1, 3);
        BufferedImage gray = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(3, 0, 0, 77);
        ImageIO.write(gray, "png", dir.resolve("train/airplane/0000.png").toFile());

        CifarData data = reader.read(dir);

        assertThat(data.train().label(0)).isZero();
        for (int c = 0; c < 3; c++) {
            assertThat(data.train().value(0, c, 3)).isEqualTo(77);
            assertThat(data.train().value(0, c, 4)).isZero();
        }
    }

    @Test
    void missingSplitFoldersAreReported() throws IOException {
        Files.createDirectories(dir.resolve("train/cat"));

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("test/<class>/");
    }

    static void writeImage(Path file, int width, int height, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
