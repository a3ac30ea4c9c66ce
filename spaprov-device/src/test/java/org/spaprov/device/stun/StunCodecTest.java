package org.spaprov.device.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.spaprov.device.stun.StunMessage.BindingError;
import org.spaprov.device.stun.StunMessage.BindingRequest;
import org.spaprov.device.stun.StunMessage.BindingSuccess;
import org.spaprov.device.stun.StunMessage.TransactionId;

/**
 * The STUN codec in memory, against the RFC 5769 test vectors. SPEC §15.25: "$EXTIP: the configured
 * EXT_IP when set; else, with STUN_Enable, the mapped address from an RFC 5389 binding request to
 * STUN_Server; else empty." The guide: EXTIP is the "external IP as seen on the Internet".
 */
class StunCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TransactionId RFC_ID = new TransactionId(0xb7e7a701bc34d686L, 0xfa87dfae);
    /** RFC 5769 §2.2: sample IPv4 response (SOFTWARE, XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY, FINGERPRINT). */
    private static final String RFC5769_IPV4 = "0101003c2112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220" + "002000080001a147e112a643"
            + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7" + "80280004c07d4c96";
    /** RFC 5769 §2.3: sample IPv6 response. */
    private static final String RFC5769_IPV6 = "010100482112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220" + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
            + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41" + "80280004c8fb0b4c";

    @Test
    void decodesTheRfc5769Ipv4Response() throws Exception {
        byte[] b = HEX.parseHex(RFC5769_IPV4);
        assertThat(StunCodec.decode(b, b.length)).contains(new BindingSuccess(RFC_ID,
                Optional.of(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))));
    }

    @Test
    void decodesTheRfc5769Ipv6Response() throws Exception {
        byte[] b = HEX.parseHex(RFC5769_IPV6);
        assertThat(StunCodec.decode(b, b.length)).contains(new BindingSuccess(RFC_ID,
                Optional.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853))));
    }

    @Test
    void aBindingRequestIsTheTwentyByteHeader() {
        byte[] b = StunCodec.encode(new BindingRequest(RFC_ID));
        assertThat(HEX.formatHex(b)).isEqualTo("000100002112a442b7e7a701bc34d686fa87dfae");
        assertThat(StunCodec.decode(b, b.length)).contains(new BindingRequest(RFC_ID));
    }

    @Test
    void encodingTheRfcAddressGivesTheRfcAttribute() throws Exception {
        byte[] b = StunCodec.encode(new BindingSuccess(RFC_ID,
                Optional.of(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))));
        assertThat(HEX.formatHex(b)).isEqualTo("0101000c2112a442b7e7a701bc34d686fa87dfae" + "002000080001a147e112a643");
    }

    @Test
    void aClassicMappedAddressIsUsedWhenThereIsNoXorMappedAddress() throws Exception {
        byte[] b = HEX.parseHex("0101000c2112a442b7e7a701bc34d686fa87dfae" + "000100080001d431c6336407");
        assertThat(StunCodec.decode(b, b.length)).contains(new BindingSuccess(RFC_ID,
                Optional.of(new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 54321))));
    }

    @Test
    void anErrorResponseCarriesItsCodeAndReason() {
        BindingError e = new BindingError(RFC_ID, 420, "Unknown Attribute");
        byte[] b = StunCodec.encode(e);
        assertThat(StunCodec.decode(b, b.length)).contains(e);
    }

    @Test
    void malformedMessagesAreRefused() {
        byte[] ok = HEX.parseHex(RFC5769_IPV4);
        byte[] badCookie = ok.clone();
        badCookie[4] = 0;
        byte[] badLength = ok.clone();
        badLength[3] = 0x40;
        byte[] overrun = ok.clone();
        overrun[23] = (byte) 0xff; // SOFTWARE claims 255 bytes
        byte[] notStun = ok.clone();
        notStun[0] = (byte) 0x80; // top bits must be zero
        for (byte[] b : new byte[][] {badCookie, badLength, overrun, notStun, new byte[0], new byte[19]}) {
            assertThat(StunCodec.decode(b, b.length)).as(HEX.formatHex(b)).isEmpty();
        }
        assertThat(StunCodec.decode(null, 0)).isEmpty();
        assertThat(StunCodec.decode(ok, ok.length + 1)).isEmpty();
    }

    @Test
    void attributesAreBounded() {
        int n = StunCodec.MAX_ATTRIBUTES + 1;
        ByteBuffer b = ByteBuffer.allocate(20 + 4 * n).putShort((short) 0x0101).putShort((short) (4 * n))
                .putInt(StunCodec.MAGIC_COOKIE).putLong(1).putInt(2);
        for (int i = 0; i < n; i++) {
            b.putShort((short) 0x8022).putShort((short) 0);
        }
        assertThat(StunCodec.decode(b.array(), b.capacity())).isEmpty();
        assertThat(StunCodec.decode(new byte[StunCodec.MAX_MESSAGE + 4], StunCodec.MAX_MESSAGE + 4)).isEmpty();
    }

    @Property
    void everyTruncationIsRefused(@ForAll @IntRange(min = 0, max = 79) int cut) {
        byte[] ok = HEX.parseHex(RFC5769_IPV4);
        assertThat(StunCodec.decode(Arrays.copyOf(ok, cut), cut)).isEmpty();
    }

    @Property
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 200) byte[] junk, @ForAll boolean stunHeader) {
        if (stunHeader && junk.length >= 20) {
            // a valid header over junk attributes reaches the attribute parser
            ByteBuffer.wrap(junk).putShort((short) 0x0101).putShort((short) ((junk.length - 20) & ~3))
                    .putInt(StunCodec.MAGIC_COOKIE);
        }
        StunCodec.decode(junk, junk.length);
    }

    @Property
    void successResponsesRoundTrip(@ForAll long high, @ForAll int low, @ForAll @Size(4) byte[] v4,
            @ForAll @Size(16) byte[] v6, @ForAll @IntRange(min = 0, max = 65535) int port, @ForAll boolean ipv6)
            throws Exception {
        BindingSuccess m = new BindingSuccess(new TransactionId(high, low),
                Optional.of(new InetSocketAddress(InetAddress.getByAddress(ipv6 ? v6 : v4), port)));
        byte[] b = StunCodec.encode(m);
        assertThat(StunCodec.decode(b, b.length)).contains(m);
    }
}
