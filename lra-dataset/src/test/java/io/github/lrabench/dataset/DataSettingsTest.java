package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSettingsTest {

    @Test
    void defaultsComeFromReferenceConf() {
        DataSettings settings = DataSettings.defaults();

        assertThat(settings.dir()).isEqualTo(Path.of(System.getProperty("user.home"), ".lra-bench", "data"));
        assertThat(settings.url()).hasToString("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
        assertThat(settings.archiveSize()).isEqualTo(170_052_171L);
        assertThat(settings.archiveMd5()).isEqualTo("c32a1d4ab5d03f1284b67883e8d87530");
        assertThat(settings.binaryFormat()).isEqualTo(CifarBinaryFormat.OFFICIAL);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.download()).isTrue();
        assertThat(settings.cache()).isTrue();
        assertThat(settings.classNames()).isEmpty();
        assertThat(settings.decodeThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.split(PixelEncoding.LRA_IMAGE)).isEqualTo(SplitSpec.contiguous(0.1));
        assertThat(settings.split(PixelEncoding.SCIFAR)).isEqualTo(SplitSpec.random(0.1, 42));
        assertThat(settings.cacheDir()).isEqualTo(settings.dir().resolve("cache"));
    }

    @Test
    void permutationAndLayoutAreReadFromTheEncodingBlocks() {
        DataSettings settings = DataSettings.fromConfig(TestSettings.config(Map.of(
                "lra.data.encodings.scifar.permuted", true,
                "lra.data.encodings.scifar.permutation-seed", 12,
                "lra.data.encodings.scifar.layout", "channel-major")));

        EncodingSpec scifar = settings.encoding(PixelEncoding.SCIFAR);
        assertThat(scifar.permutationSeed()).hasValue(12);
        assertThat(scifar.layout()).isEqualTo(ChannelLayout.CHANNEL_MAJOR);
        assertThat(settings.encoding(PixelEncoding.LRA_IMAGE).permutationSeed()).isEmpty();
    }

    @Test
    void invalidValuesAreReportedTogetherByKey() {
        assertThatThrownBy(() -> DataSettings.fromConfig(TestSettings.config(Map.of(
                        "lra.data.archive-md5", "abc",
                        "lra.data.decode-threads", -1,
                        "lra.data.url", "ftp://example.org/x",
                        "lra.data.class-names", List.of("cat", "cat"),
                        "lra.data.encodings.scifar.layout", "sideways",
                        "lra.data.splits.lra-image.validation", "alternate"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.data.archive-md5 must be 32 hex digits")
                .hasMessageContaining("lra.data.decode-threads must be >= 0")
                .hasMessageContaining("lra.data.url must be an http or https URL")
                .hasMessageContaining("lra.data.class-names must not repeat")
                .hasMessageContaining("lra.data.encodings.scifar")
                .hasMessageContaining("sideways")
                .hasMessageContaining("lra.data.splits.lra-image")
                .hasMessageContaining("alternate");
    }

    @Test
    void wrongTypeNamesTheKey() {
        assertThatThrownBy(() -> DataSettings.fromConfig(TestSettings.config(Map.of(
                        "lra.data.archive-size", "big"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.data.archive-size");
    }
}
