package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 1,000 training and 200 test images; each image's first red pixel holds its index mod 256. */
    private final CifarData data = indexed(SyntheticCifar.generate(1000, 200, 2));

    @Test
    void lraSplitIsContiguousNinetyTen() {
        DataSplits splits = Splitter.split(data, SplitSpec.contiguous(0.1));

        assertThat(splits.train().size()).isEqualTo(900);
        assertThat(splits.validation().size()).isEqualTo(100);
        assertThat(splits.test()).isSameAs(data.test());
        assertThat(splits.train()).isEqualTo(data.train().range(0, 900));
        assertThat(splits.validation()).isEqualTo(data.train().range(900, 1000));
    }

    @Test
    void lraSizesForCifar10AreFortyFiveAndFiveThousand() {
        int n = 50_000;
        int validation = (int) Math.round(n * DataSettings.defaults().split(PixelEncoding.LRA_IMAGE)
                .validationFraction());
        assertThat(n - validation).isEqualTo(45_000);
        assertThat(validation).isEqualTo(5_000);
    }

    @Test
    void randomSplitIsSeededDisjointAndComplete() {
        SplitSpec spec = DataSettings.defaults().split(PixelEncoding.SCIFAR);
        assertThat(spec.validation()).isEqualTo(ValidationSplit.RANDOM);
        assertThat(spec.seed()).isEqualTo(42);

        DataSplits a = Splitter.split(data, spec);
        DataSplits b = Splitter.split(data, spec);
        DataSplits other = Splitter.split(data, SplitSpec.random(0.1, 43));

        assertThat(a.train().size()).isEqualTo(900);
        assertThat(a.validation().size()).isEqualTo(100);
        assertThat(a.validation()).isEqualTo(b.validation());
        assertThat(other.validation()).isNotEqualTo(a.validation());
        Set<Integer> seen = new HashSet<>();
        for (ImageArray part : new ImageArray[] {a.train(), a.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                seen.add(indexOf(part, i));
            }
        }
        assertThat(seen).hasSize(1000);
        assertThat(a.validation()).isNotEqualTo(data.train().range(900, 1000));
    }

    @Test
    void capsKeepTheFirstImagesOfEachClassInOrder() {
        DataSplits splits = Splitter.split(data,
                SplitSpec.contiguous(0.1).withCaps(new SplitCaps(55, 20, 1000)));

        ImageArray train = splits.train();
        assertThat(train.size()).isEqualTo(55);
        // quotas: 6 for classes 0-4, 5 for classes 5-9; labels cycle 0..9, so these are images 0..54
        assertThat(train.classCounts(10)).containsExactly(6, 6, 6, 6, 6, 5, 5, 5, 5, 5);
        int[] indices = new int[55];
        for (int i = 0; i < 55; i++) {
            indices[i] = indexOf(train, i);
        }
        assertThat(indices).isEqualTo(Permutations.identity(55));
        assertThat(splits.validation().classCounts(10)).containsOnly(2);
        assertThat(splits.test()).isSameAs(data.test());
    }

    @Test
    void capGivesShortClassesShareToTheOthers() {
        // classes: 0 has 1 image, 1 has 10, 2 has 10
        byte[] labels = new byte[21];
        labels[0] = 0;
        for (int i = 1; i < 21; i++) {
            labels[i] = (byte) (1 + (i - 1) % 2);
        }
        ImageArray images = new ImageArray(new byte[21 * ImageArray.IMAGE_BYTES], labels);

        ImageArray capped = Splitter.capBalanced(images, 9, 3);

        assertThat(capped.classCounts(3)).containsExactly(1, 4, 4);
        assertThat(Splitter.capBalanced(images, 100, 3)).isSameAs(images);
    }

    private static CifarData indexed(CifarData source) {
        byte[] pixels = source.train().pixels().clone();
        for (int i = 0; i < source.train().size(); i++) {
            pixels[i * ImageArray.IMAGE_BYTES] = (byte) (i % 256);
            pixels[i * ImageArray.IMAGE_BYTES + 1] = (byte) (i / 256);
        }
        ImageArray train = new ImageArray(pixels, source.train().labels().clone());
        return new CifarData(train, source.test(), source.classNames(), source.origin());
    }

    private static int indexOf(ImageArray images, int i) {
        return images.value(i, 0, 0) + 256 * images.value(i, 0, 1);
    }

    @Test
    void indexHelperRoundTrips() {
        assertThat(Arrays.stream(new int[] {0, 255, 256, 999}).map(i -> indexOf(data.train(), i)).toArray())
                .containsExactly(0, 255, 256, 999);
    }
}
