package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NetasciiTest {

    @Test
    void lineFeedsBecomeCrLfAndLoneCrBecomesCrNul() {
        byte[] wire = Netascii.encode("a\nb\rc".getBytes(StandardCharsets.US_ASCII));
        assertThat(wire).containsExactly('a', '\r', '\n', 'b', '\r', 0, 'c');
    }

    @Property
    void decodeInvertsEncode(@ForAll byte[] local) {
        assertThat(Netascii.decode(Netascii.encode(local))).isEqualTo(local);
    }
}
