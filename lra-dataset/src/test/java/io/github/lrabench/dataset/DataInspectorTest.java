package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataInspectorTest {

    private static final DataSettings SETTINGS = DataSettings.defaults();
    private final DataInspector inspector = DataInspector.fromSettings(SETTINGS);

    @Test
    void countsImagesPerClassAndSplit() {
        CifarData data = SyntheticCifar.generate(100, 30, 1);
        DataSplits splits = Splitter.split(data, SETTINGS.split(PixelEncoding.LRA_IMAGE));

        DataInspection report = inspector.inspect(splits);

        assertThat(report.splits()).extracting(SplitStatistics::split)
                .containsExactly("train", "validation", "test");
        assertThat(report.splits()).extracting(SplitStatistics::images).containsExactly(90, 10, 30);
        assertThat(report.splits().get(0).perClass()).containsOnlyKeys(CifarBinaryFormat.CLASS_NAMES)
                .containsEntry("airplane", 9);
        assertThat(report.splits().get(0).perClass().keySet()).containsExactlyElementsOf(CifarBinaryFormat.CLASS_NAMES);
        assertThat(report.splits().get(2).perClass()).containsEntry("truck", 3);
    }

    @Test
    void channelStatisticsAndMeanTokenAreOnThe0To255Scale() {
        CifarData data = SyntheticCifar.generate(20, 10, 2);
        ImageArray images = data.test();

        SplitStatistics stats = inspector.statistics("test", images, data.classNames());

        for (int c = 0; c < 3; c++) {
            double[] values = new double[images.size() * 1024];
            for (int i = 0; i < images.size(); i++) {
                for (int p = 0; p < 1024; p++) {
                    values[i * 1024 + p] = images.value(i, c, p);
                }
            }
            double mean = Arrays.stream(values).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
            assertThat(stats.channelMean().get(c)).isCloseTo(mean, within(1e-9));
            assertThat(stats.channelStd().get(c)).isCloseTo(std, within(1e-6));
        }
        double meanToken = Arrays.stream(new PixelEncoder(SETTINGS.encoding(PixelEncoding.LRA_IMAGE))
                .encode(images).tokens()).average().orElseThrow();
        assertThat(stats.meanLraImageToken()).isCloseTo(meanToken, within(1e-9));
    }

    @Test
    void textShowsEverySplitAndClass() {
        CifarData data = SyntheticCifar.generate(20, 10, 2);

        String text = inspector.inspect(data).toText();

        assertThat(text).contains("synthetic(seed=2)", "train", "test", "mean token", "airplane", "truck");
        assertThat(text.lines().filter(line -> line.startsWith("cat")).findFirst().orElseThrow())
                .matches("cat\\s+2\\s+1");
    }
}
