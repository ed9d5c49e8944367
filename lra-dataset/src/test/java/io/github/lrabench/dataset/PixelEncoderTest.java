package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.lrabench.api.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixelEncoderTest {

    private static final DataSettings SETTINGS = DataSettings.defaults();
    private static final EncodingSpec LRA = SETTINGS.encoding(PixelEncoding.LRA_IMAGE);
    private static final EncodingSpec SCIFAR = SETTINGS.encoding(PixelEncoding.SCIFAR);
    private final CifarData data = SyntheticCifar.generate(12, 4, 21);

    /**
     * Expected values computed independently with numpy float32, following TensorFlow's rgb_to_grayscale on uint8:
     * x * float32(1/255), dot with (0.2989, 0.5870, 0.1140), * 255.5, truncate. Rounding instead of truncating
     * would give a different value for several rows (e.g. 0,255,0 → 150; 1,2,3 → 2; 13,71,98 → 57).
     */
    @ParameterizedTest
    @CsvSource({
        "0,0,0,0", "255,255,255,255", "255,0,0,76", "0,255,0,149", "0,0,255,29", "1,2,3,1", "128,128,128,128",
        "10,10,10,10", "200,100,50,124", "171,206,5,172", "206,120,131,147", "161,73,250,119", "13,71,98,56",
        "146,104,33,108", "11,0,12,4", "38,255,48,166", "167,192,60,169", "72,111,67,94", "249,45,229,127",
        "204,216,29,191", "100,160,126,138", "170,173,169,171", "15,245,142,164", "231,69,92,120", "225,47,16,96"
    })
    void grayscaleMatchesTensorflow(int red, int green, int blue, int expected) {
        assertThat(new PixelEncoder(LRA).grayscale(red, green, blue)).isEqualTo(expected);
    }

    @Test
    void defaultsAreTheProtocolConstants() {
        assertThat(LRA.grayscaleWeights()).containsExactly(0.2989, 0.5870, 0.1140);
        assertThat(SCIFAR.mean()).containsExactly(0.4914, 0.4822, 0.4465);
        assertThat(SCIFAR.std()).containsExactly(0.247, 0.243, 0.261);
        assertThat(LRA.permutationSeed()).isEmpty();
        assertThat(SCIFAR.layout()).isEqualTo(ChannelLayout.PIXEL_TRIPLES);
    }

    @Test
    void lraImageGivesRowMajorTokensOfShapeNBy1024() {
        PixelEncoder encoder = new PixelEncoder(LRA);
        EncodedSplit split = encoder.encode(data.train());
        ImageArray images = data.train();

        assertThat(split.shape().getShape()).containsExactly(12, 1024);
        assertThat(split.isTokens()).isTrue();
        assertThat(split.features()).isNull();
        assertThat(split.labels()).containsExactly(images.labelsAsInts());
        int pixel = 5 * 32 + 7;
        assertThat(split.tokens()[3 * 1024 + pixel]).isEqualTo(encoder.grayscale(
                images.value(3, 0, pixel), images.value(3, 1, pixel), images.value(3, 2, pixel)));
        assertThat(java.util.Arrays.stream(split.tokens()).allMatch(t -> t >= 0 && t <= 255)).isTrue();
        assertThat(split.taskSpec(10)).isEqualTo(new TaskSpec("lra-image", 1024, 1, 256, 10));
    }

    @Test
    void scifarGivesNormalisedPixelTriples() {
        EncodedSplit split = new PixelEncoder(SCIFAR).encode(data.train());
        ImageArray images = data.train();

        assertThat(split.shape().getShape()).containsExactly(12, 1024, 3);
        assertThat(split.tokens()).isNull();
        int pixel = 31 * 32 + 2;
        for (int c = 0; c < 3; c++) {
            double expected = (images.value(4, c, pixel) / 255.0 - SCIFAR.mean().get(c)) / SCIFAR.std().get(c);
            assertThat((double) split.features()[(4 * 1024 + pixel) * 3 + c]).isCloseTo(expected, within(1e-5));
        }
        assertThat(split.taskSpec(10)).isEqualTo(new TaskSpec("scifar", 1024, 3, 0, 10));
    }

    @Test
    void channelMajorLayoutReadsTheChannelBufferAsTriples() {
        float[] standard = new PixelEncoder(SCIFAR).encode(data.test()).features();
        float[] quirk = new PixelEncoder(SCIFAR.withLayout(ChannelLayout.CHANNEL_MAJOR)).encode(data.test())
                .features();

        // step t of the quirk holds values 3t, 3t+1, 3t+2 of the (3, 1024) buffer: channel k / 1024, pixel k % 1024
        int image = 2;
        for (int t : new int[] {0, 100, 341, 700, 1023}) {
            for (int j = 0; j < 3; j++) {
                int k = 3 * t + j;
                float expected = standard[image * 3072 + (k % 1024) * 3 + k / 1024];
                assertThat(quirk[image * 3072 + t * 3 + j]).isEqualTo(expected);
            }
        }
        assertThat(quirk).isNotEqualTo(standard);
    }

    @Test
    void channelMajorIsRefusedForGrayscale() {
        assertThatThrownBy(() -> LRA.withLayout(ChannelLayout.CHANNEL_MAJOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scifar only");
    }

    @Test
    void permutationReordersPixelsTheSameWayForEveryImageAndSeed() {
        int[] plain = new PixelEncoder(LRA).encode(data.train()).tokens();
        PixelEncoder permuted = new PixelEncoder(LRA.withPermutation(7));
        int[] shuffled = permuted.encode(data.train()).tokens();
        int[] order = permuted.pixelOrder();

        for (int image = 0; image < 12; image++) {
            for (int t = 0; t < 1024; t++) {
                assertThat(shuffled[image * 1024 + t]).isEqualTo(plain[image * 1024 + order[t]]);
            }
        }
        assertThat(order).isNotEqualTo(Permutations.identity(1024));
        assertThat(new PixelEncoder(LRA.withPermutation(7)).pixelOrder()).isEqualTo(order);
        assertThat(new PixelEncoder(LRA.withPermutation(8)).pixelOrder()).isNotEqualTo(order);
        assertThat(java.util.Arrays.stream(order).sorted().toArray()).isEqualTo(Permutations.identity(1024));
    }

    @Test
    void permutationAppliesToAllThreeScifarChannels() {
        float[] plain = new PixelEncoder(SCIFAR).encode(data.test()).features();
        PixelEncoder permuted = new PixelEncoder(SCIFAR.withPermutation(3));
        float[] shuffled = permuted.encode(data.test()).features();
        int[] order = permuted.pixelOrder();

        for (int t = 0; t < 1024; t += 37) {
            for (int c = 0; c < 3; c++) {
                assertThat(shuffled[1 * 3072 + t * 3 + c]).isEqualTo(plain[1 * 3072 + order[t] * 3 + c]);
            }
        }
    }

    @Test
    void invalidSpecsNameTheProblem() {
        assertThatThrownBy(() -> EncodingSpec.lraImage(List.of(0.3, 0.6)))
                .hasMessageContaining("3 grayscale weights");
        assertThatThrownBy(() -> EncodingSpec.scifar(List.of(0.5, 0.5, 0.5), List.of(0.2, 0.0, 0.2)))
                .hasMessageContaining("must be > 0");
    }

    @Test
    void describeNamesTheVariant() {
        assertThat(SCIFAR.withPermutation(4).withLayout(ChannelLayout.CHANNEL_MAJOR).describe())
                .isEqualTo("scifar (channel-major, permuted with seed 4)");
        assertThat(LRA.describe()).isEqualTo("lra-image (grayscale tokens)");
    }
}
