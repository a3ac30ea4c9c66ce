package org.spaprov.profile.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FirmwareImageTest {
    @Test
    void makeAndParse() throws Exception {
        byte[] img = FirmwareImage.make("spa2102", "5.2.12", new byte[5000]);
        assertThat(FirmwareImage.parse(img)).isEqualTo(new FirmwareImage("spa2102", "5.2.12", 5000));
    }

    @Test
    void corruptImagesAreRefusedWithAReason() {
        byte[] img = FirmwareImage.make("spa2102", "5.2.12", new byte[100]);
        byte[] flipped = img.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> FirmwareImage.parse(flipped)).hasMessage("corrupt image: checksum mismatch");
        assertThatThrownBy(() -> FirmwareImage.parse(Arrays.copyOf(img, img.length - 1)))
                .hasMessageContaining("header says 100");
        assertThatThrownBy(() -> FirmwareImage.parse("<flat-profile/>".getBytes()))
                .hasMessageStartingWith("corrupt image:");
        assertThatThrownBy(() -> FirmwareImage.parse(new byte[0])).hasMessageStartingWith("corrupt image:");
    }
}
