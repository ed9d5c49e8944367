package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageExporterTest {

    private static final DataSettings SETTINGS = DataSettings.defaults();
    private final CifarData data = SyntheticCifar.generate(10, 10, 4);

    @TempDir
    Path dir;

    @Test
    void lraImageIsExportedAsTheGrayTokens() throws IOException {
        EncodingSpec spec = SETTINGS.encoding(PixelEncoding.LRA_IMAGE);
        Path file = new ImageExporter(spec).exportPng(data.train(), 3, dir.resolve("out/gray.png"), 1);

        BufferedImage image = ImageIO.read(file.toFile());
        int[] tokens = new PixelEncoder(spec).encode(data.train()).tokens();

        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 1024; p += 17) {
            assertThat(image.getRaster().getSample(p % 32, p / 32, 0)).isEqualTo(tokens[3 * 1024 + p]);
        }
        assertThat(dir.resolve("out").toFile().list()).containsExactly("gray.png");
    }

    @Test
    void scifarIsExportedAsTheRgbPixelsScaledUp() throws IOException {
        Path file = new ImageExporter(SETTINGS.encoding(PixelEncoding.SCIFAR))
                .exportPng(data.test(), 5, dir.resolve("rgb.png"), 4);

        BufferedImage image = ImageIO.read(file.toFile());

        assertThat(image.getWidth()).isEqualTo(128);
        for (int p = 0; p < 1024; p += 13) {
            int rgb = image.getRGB((p % 32) * 4 + 3, (p / 32) * 4 + 1);
            assertThat((rgb >> 16) & 0xFF).isEqualTo(data.test().value(5, 0, p));
            assertThat((rgb >> 8) & 0xFF).isEqualTo(data.test().value(5, 1, p));
            assertThat(rgb & 0xFF).isEqualTo(data.test().value(5, 2, p));
        }
    }

    @Test
    void permutedExportShowsThePermutedSequence() {
        EncodingSpec spec = SETTINGS.encoding(PixelEncoding.SCIFAR).withPermutation(2);
        BufferedImage image = new ImageExporter(spec).render(data.test(), 0, 1);
        int[] order = new PixelEncoder(spec).pixelOrder();

        for (int t = 0; t < 1024; t += 11) {
            int rgb = image.getRGB(t % 32, t / 32);
            assertThat((rgb >> 8) & 0xFF).isEqualTo(data.test().value(0, 1, order[t]));
        }
    }

    @Test
    void channelMajorExportShowsNeighbouringValuesOfOnePlane() {
        EncodingSpec spec = SETTINGS.encoding(PixelEncoding.SCIFAR).withLayout(ChannelLayout.CHANNEL_MAJOR);
        BufferedImage image = new ImageExporter(spec).render(data.test(), 0, 1);

        // step 0 shows red values of pixels 0, 1, 2; step 400 shows green values of pixels 176, 177, 178
        int step0 = image.getRGB(0, 0);
        assertThat((step0 >> 16) & 0xFF).isEqualTo(data.test().value(0, 0, 0));
        assertThat(step0 & 0xFF).isEqualTo(data.test().value(0, 0, 2));
        int step400 = image.getRGB(400 % 32, 400 / 32);
        assertThat((step400 >> 8) & 0xFF).isEqualTo(data.test().value(0, 1, 1201 - 1024));
    }
}
