package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

class ImageArrayTest {

    @Test
    void anRgbImageBecomesThreePlanesInRowMajorOrder() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 2, 0x10_20_30);
        ImageArray array = ImageArray.of(image, 7);
        int pixel = 2 * 32 + 5;
        assertThat(array.size()).isEqualTo(1);
        assertThat(array.label(0)).isEqualTo(7);
        assertThat(array.value(0, 0, pixel)).isEqualTo(0x10);
        assertThat(array.value(0, 1, pixel)).isEqualTo(0x20);
        assertThat(array.value(0, 2, pixel)).isEqualTo(0x30);
        assertThat(array.value(0, 0, pixel + 1)).isZero();
    }

    @Test
    void aGreyImageKeepsItsStoredValuesInEveryPlane() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSample(3, 0, 0, 100);
        ImageArray array = ImageArray.of(image, 0);
        // getRGB would have passed 100 through a colour-space conversion (it returns another value)
        for (int channel = 0; channel < 3; channel++) {
            assertThat(array.value(0, channel, 3)).isEqualTo(100);
        }
    }

    @Test
    void anImageOfAnotherSizeIsRefused() {
        assertThatThrownBy(() -> ImageArray.of(new BufferedImage(32, 31, BufferedImage.TYPE_INT_RGB), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a 32×32 image but got 32×31");
    }
}
