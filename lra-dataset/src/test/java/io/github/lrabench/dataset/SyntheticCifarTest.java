package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCifarTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        assertThat(SyntheticCifar.generate(20, 10, 1)).isEqualTo(SyntheticCifar.generate(20, 10, 1));
        assertThat(SyntheticCifar.generate(20, 10, 1).train()).isNotEqualTo(SyntheticCifar.generate(20, 10, 2).train());
        SyntheticCifar.writeBinary(dir.resolve("a"), 2, 5);
        SyntheticCifar.writeBinary(dir.resolve("b"), 2, 5);
        assertThat(Files.readAllBytes(dir.resolve("a/data_batch_3.bin")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/data_batch_3.bin")));
    }

    @Test
    void imageFolderHoldsPerClassPngFiles() throws IOException {
        SyntheticCifar.writeImageFolder(dir, 3, 2, 1);

        try (var files = Files.list(dir.resolve("train/frog"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("0000.png", "0001.png", "0002.png");
        }
        CifarData read = new ImageFolderReader(List.of(), 1).read(dir);
        assertThat(read.train()).isEqualTo(SyntheticCifar.generate(30, 20, 1).train());
        assertThat(read.test().classCounts(10)).containsOnly(2);
    }

    @Test
    void classesAreLearnableFromTheMeanGrayToken() {
        CifarData data = SyntheticCifar.generate(500, 200, 3);
        PixelEncoder encoder = new PixelEncoder(DataSettings.defaults().encoding(PixelEncoding.LRA_IMAGE));
        double[] classMean = new double[10];
        int[] counts = new int[10];
        double[] trainMeans = meanTokens(encoder, data.train());
        for (int i = 0; i < trainMeans.length; i++) {
            classMean[data.train().label(i)] += trainMeans[i];
            counts[data.train().label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            classMean[c] /= counts[c];
        }
        double[] testMeans = meanTokens(encoder, data.test());
        int correct = 0;
        for (int i = 0; i < testMeans.length; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (Math.abs(testMeans[i] - classMean[c]) < Math.abs(testMeans[i] - classMean[best])) {
                    best = c;
                }
            }
            correct += best == data.test().label(i) ? 1 : 0;
        }
        assertThat(correct / (double) testMeans.length).as("nearest class mean accuracy; chance is 0.1")
                .isGreaterThan(0.5);
    }

    private static double[] meanTokens(PixelEncoder encoder, ImageArray images) {
        int[] tokens = encoder.encode(images).tokens();
        double[] means = new double[images.size()];
        for (int i = 0; i < images.size(); i++) {
            long sum = 0;
            for (int p = 0; p < 1024; p++) {
                sum += tokens[i * 1024 + p];
            }
            means[i] = sum / 1024.0;
        }
        return means;
    }
}
