package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TftpCodecTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 69);

    static Stream<TftpPacket> packets() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("blksize", "1468");
        options.put("tsize", "0");
        options.put("timeout", "3");
        byte[] big = new byte[TftpCodec.MAX_BLOCK_SIZE];
        big[7] = 42;
        return Stream.of(
                new ReadRequest("spa0011223344.xml", TftpMode.OCTET),
                new ReadRequest("/profiles/spa.cfg?mac=001122334455", TftpMode.NETASCII, options),
                new WriteRequest("report.xml", TftpMode.OCTET, Map.of("tsize", "1234")),
                new Data(1, "hello".getBytes(StandardCharsets.US_ASCII)),
                new Data(65535, new byte[0]),
                new Data(7, big),
                new Ack(0),
                new Ack(65535),
                new ErrorPacket(TftpErrorCode.FILE_NOT_FOUND, "File not found"),
                new ErrorPacket(TftpErrorCode.valueOf(42), ""),
                new OptionAck(options));
    }

    @ParameterizedTest
    @MethodSource("packets")
    void roundTripsThroughEmbeddedChannels(TftpPacket packet) {
        EmbeddedChannel sender = new EmbeddedChannel(TftpDatagramCodec.INSTANCE);
        EmbeddedChannel receiver = new EmbeddedChannel(TftpDatagramCodec.INSTANCE);

        assertThat(sender.writeOutbound(new TftpOutbound(packet, SERVER))).isTrue();
        DatagramPacket wire = sender.readOutbound();
        assertThat(wire.recipient()).isEqualTo(SERVER);
        assertThat(receiver.writeInbound(new DatagramPacket(wire.content(), SERVER, CLIENT))).isTrue();
        TftpInbound inbound = receiver.readInbound();

        assertThat(inbound.sender()).isEqualTo(CLIENT);
        assertThat(inbound.result()).isEqualTo(new TftpDecodeResult.Decoded(packet));
        assertThat(sender.finish()).isFalse();
        assertThat(receiver.finish()).isFalse();
    }

    @Test
    void optionNamesAndModeAreCaseInsensitive() {
        TftpDecodeResult result = decode(bytes(0, 1, "a.txt", 0, "OCTET", 0, "BlkSize", 0, "1024", 0));
        assertThat(result).isEqualTo(new TftpDecodeResult.Decoded(
                new ReadRequest("a.txt", TftpMode.OCTET, Map.of("blksize", "1024"))));
    }

    @Test
    void toleratesPaddingAfterOptions() {
        TftpDecodeResult result = decode(bytes(0, 1, "a.txt", 0, "octet", 0, 0, 0, 0));
        assertThat(result).isEqualTo(new TftpDecodeResult.Decoded(new ReadRequest("a.txt", TftpMode.OCTET)));
    }

    static Stream<Arguments> malformed() {
        String longName = "a".repeat(256);
        return Stream.of(
                Arguments.of(bytes(), 4, "shorter than 2"),
                Arguments.of(bytes(0), 4, "shorter than 2"),
                Arguments.of(bytes(0, 9, 1, 2), 4, "unknown opcode 9"),
                Arguments.of(bytes(0, 1, "abc"), 4, "file name not terminated"),
                Arguments.of(bytes(0, 1, 0, "octet", 0), 4, "empty file name"),
                Arguments.of(bytes(0, 1, "abc", 0), 4, "mode missing"),
                Arguments.of(bytes(0, 1, "abc", 0, "mail", 0), 4, "unsupported mode 'mail'"),
                Arguments.of(bytes(0, 2, longName, 0, "octet", 0), 4, "longer than 255"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "a".repeat(520), 0), 4, "larger than 512"),
                Arguments.of(bytes(0, 1, new byte[] {(byte) 0xC3, 0x28}, 0, "octet", 0), 4, "UTF-8"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "blksize", 0), 8, "has no value"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "blksize"), 8, "not terminated"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "b".repeat(33), 0, "1", 0), 8, "option name longer"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "blksize", 0, "9".repeat(33), 0), 8, "longer than 32"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, "tsize", 0, "0", 0, "TSIZE", 0, "1", 0), 8, "duplicate"),
                Arguments.of(bytes(0, 1, "x", 0, "octet", 0, 0, "blksize", 0, "8", 0), 8, "empty option name"),
                Arguments.of(manyOptions(), 8, "more than 8 options"),
                Arguments.of(bytes(0, 3, 0), 4, "without block number"),
                Arguments.of(bytes(0, 4), 4, "without block number"),
                Arguments.of(bytes(0, 5, 0), 4, "without error code"),
                Arguments.of(bytes(0, 3, 0, 1, new byte[TftpCodec.MAX_BLOCK_SIZE + 1]), 4, "DATA larger"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputBecomesAnErrorValue(byte[] wire, int code, String reason) {
        TftpDecodeResult result = decode(wire);
        assertThat(result).isInstanceOf(TftpDecodeResult.Malformed.class);
        TftpDecodeResult.Malformed m = (TftpDecodeResult.Malformed) result;
        assertThat(m.code().code()).isEqualTo(code);
        assertThat(m.reason()).contains(reason);
    }

    @Test
    void longErrorMessagesAreTruncated() {
        TftpDecodeResult result = decode(bytes(0, 5, 0, 1, "m".repeat(400)));
        assertThat(result).isEqualTo(new TftpDecodeResult.Decoded(
                new ErrorPacket(TftpErrorCode.FILE_NOT_FOUND, "m".repeat(TftpCodec.MAX_ERROR_MESSAGE_BYTES))));
    }

    @Test
    void decodeLeavesTheBufferUntouched() {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes(0, 4, 0, 9));
        TftpCodec.decode(buf);
        assertThat(buf.readerIndex()).isZero();
        assertThat(buf.refCnt()).isEqualTo(1);
    }

    @Property(tries = 2000)
    void decodeNeverThrows(@ForAll("datagrams") byte[] wire) {
        assertThat(TftpCodec.decode(Unpooled.wrappedBuffer(wire))).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // Half of them start with a valid opcode so the decoder gets past the first switch.
        Arbitrary<byte[]> typed = Arbitraries.integers().between(1, 6).flatMap(op ->
                Arbitraries.of((byte) 0, (byte) 'a', (byte) '.', (byte) 1, (byte) 0xFF)
                        .array(byte[].class).ofMaxSize(300)
                        .map(rest -> bytes(0, op, rest)));
        return Arbitraries.oneOf(random, typed);
    }

    private static byte[] manyOptions() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append("o").append(i).append('\0').append(i).append('\0');
        }
        return bytes(0, 1, "x", 0, "octet", 0, sb.toString());
    }

    private static TftpDecodeResult decode(byte[] wire) {
        return TftpCodec.decode(Unpooled.wrappedBuffer(wire));
    }

    /** Concatenates ints (as single bytes), strings (US-ASCII) and byte arrays. */
    static byte[] bytes(Object... parts) {
        ByteBuf buf = Unpooled.buffer();
        for (Object part : parts) {
            switch (part) {
                case Integer i -> buf.writeByte(i);
                case String s -> buf.writeCharSequence(s, StandardCharsets.US_ASCII);
                case byte[] b -> buf.writeBytes(b);
                default -> throw new IllegalArgumentException(String.valueOf(part));
            }
        }
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }
}
