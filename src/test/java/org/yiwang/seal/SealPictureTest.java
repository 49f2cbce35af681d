package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The seal picture: a red ring and star on a transparent ground, small enough to be signed into every document. */
class SealPictureTest {

    @Test
    void aRedRoundSealOnATransparentGroundOfAFewKilobytes() throws Exception {
        byte[] png = SealPicture.png("深圳市福田区民政局", "电子证照专用章");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int size = SealPicture.SIZE;
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(image.getRGB(2, 2) >>> 24).as("corner").isZero();
        assertThat(image.getRGB(size / 2, size / 2)).as("star").isEqualTo(0xFFE01010);
        assertThat(image.getRGB(size / 2, 6)).as("ring").isEqualTo(0xFFE01010);
        assertThat(image.getRGB(size / 2, size / 2 - size / 4) >>> 24).as("between star and name").isZero();
        assertThat(png.length).isLessThan(16 * 1024);
    }
}
