package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrabench.dataset.SyntheticCifar;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lra data inspect} and {@code lra data export} on a generated image folder. */
class DataCommandTest {

    @TempDir
    Path temp;

    @Test
    void inspectCountsEverySplitAndClass() throws Exception {
        Path folder = SyntheticCifar.writeImageFolder(temp.resolve("cifar"), 3, 2, 5);
        CliRun run = CliRun.of("data", "inspect", "--data", folder.toString(),
                "--config", writeConfig().toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("train\\s+30 ").containsPattern("test\\s+20 ")
                .containsPattern("airplane\\s+3\\s+2");
        CliRun json = CliRun.of("data", "inspect", "--data", folder.toString(), "--json", "--config",
                writeConfig().toString());
        assertThat(json.out()).contains("\"images\" : 30").contains("\"meanLraImageToken\"");
    }

    @Test
    void exportWritesTheImageAsTheModelSeesIt() throws Exception {
        Path folder = SyntheticCifar.writeImageFolder(temp.resolve("cifar"), 2, 1, 5);
        Path png = temp.resolve("seen.png");
        CliRun run = CliRun.of("data", "export", "--data", folder.toString(), "--split", "train", "--index", "3",
                "--scale", "2", "--out", png.toString(), "--config", writeConfig().toString());
        assertThat(run.err()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(64);
        int rgb = image.getRGB(10, 10);
        assertThat((rgb >> 16) & 0xff).isEqualTo(rgb & 0xff); // grey, as lra-image sees it
        assertThat(CliRun.of("data", "export", "--data", folder.toString(), "--index", "99", "--out",
                png.toString(), "--config", writeConfig().toString()).err()).contains("--index 99 is outside");
    }

    private Path writeConfig() throws Exception {
        Path config = temp.resolve("app.conf");
        java.nio.file.Files.writeString(config, "lra.data.dir = \"" + temp.resolve("cache-dir") + "\"\n");
        return config;
    }
}
