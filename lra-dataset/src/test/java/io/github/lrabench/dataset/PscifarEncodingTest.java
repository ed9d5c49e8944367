package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pscifar encoding: scifar under one fixed, seeded permutation of the positions, the same for every split. */
class PscifarEncodingTest {

    private static final DataSettings SETTINGS = DataSettings.defaults();

    @Test
    void defaultsArePermutedScifarWithTheScifarSplit() {
        EncodingSpec pscifar = SETTINGS.encoding(PixelEncoding.PSCIFAR);
        EncodingSpec scifar = SETTINGS.encoding(PixelEncoding.SCIFAR);
        assertThat(pscifar.encoding()).isEqualTo(PixelEncoding.PSCIFAR);
        assertThat(pscifar.permutationSeed()).hasValue(7);
        assertThat(pscifar.mean()).isEqualTo(scifar.mean());
        assertThat(pscifar.std()).isEqualTo(scifar.std());
        assertThat(pscifar.layout()).isEqualTo(ChannelLayout.PIXEL_TRIPLES);
        assertThat(SETTINGS.split(PixelEncoding.PSCIFAR)).isEqualTo(SETTINGS.split(PixelEncoding.SCIFAR));
        assertThat(pscifar.describe()).isEqualTo("pscifar (pixel-triples, permuted with seed 7)");
        assertThat(PixelEncoding.fromId("pscifar").taskSpec(10).channels()).isEqualTo(3);
    }

    @Test
    void trainAndTestImagesGetTheSamePermutationOfTheScifarSteps() {
        CifarData data = SyntheticCifar.generate(30, 20, 4);
        PixelEncoder scifar = new PixelEncoder(SETTINGS.encoding(PixelEncoding.SCIFAR));
        PixelEncoder pscifar = new PixelEncoder(SETTINGS.encoding(PixelEncoding.PSCIFAR));
        int[] order = pscifar.pixelOrder();
        assertThat(order).isNotEqualTo(Permutations.identity(1024));
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(Permutations.identity(1024));
        for (ImageArray split : new ImageArray[] {data.train(), data.test()}) {
            float[] plain = scifar.encode(split).features();
            float[] permuted = pscifar.encode(split).features();
            for (int i = 0; i < split.size(); i++) {
                for (int t = 0; t < 1024; t++) {
                    for (int c = 0; c < 3; c++) {
                        // step t of the permuted sequence is step order[t] of the scifar sequence
                        assertThat(permuted[(i * 1024 + t) * 3 + c])
                                .isEqualTo(plain[(i * 1024 + order[t]) * 3 + c]);
                    }
                }
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherPermutation() {
        DataSettings other = DataSettings.fromConfig(TestSettings.config(Map.of(
                "lra.data.encodings.pscifar.permutation-seed", 8)));
        int[] seven = new PixelEncoder(SETTINGS.encoding(PixelEncoding.PSCIFAR)).pixelOrder();
        int[] eight = new PixelEncoder(other.encoding(PixelEncoding.PSCIFAR)).pixelOrder();
        assertThat(other.encoding(PixelEncoding.PSCIFAR).permutationSeed()).hasValue(8);
        assertThat(eight).isNotEqualTo(seven);
        assertThat(Arrays.stream(eight).sorted().toArray()).isEqualTo(Permutations.identity(1024));
    }

    @Test
    void anUnpermutedPscifarIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> DataSettings.fromConfig(TestSettings.config(Map.of(
                        "lra.data.encodings.pscifar.permuted", false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.data.encodings.pscifar")
                .hasMessageContaining("permuted must be true");
        assertThatThrownBy(() -> new EncodingSpec(PixelEncoding.PSCIFAR, java.util.List.of(),
                        java.util.List.of(0.5, 0.5, 0.5), java.util.List.of(0.2, 0.2, 0.2),
                        java.util.OptionalLong.empty(), ChannelLayout.PIXEL_TRIPLES))
                .hasMessageContaining("pscifar is the permuted task");
    }
}
