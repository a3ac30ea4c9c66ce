package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile requests: each gets an ERROR packet, and the server keeps serving others. */
class TftpServerHostileTest {

    @TempDir
    static Path root;
    static ServerFixture fx;
    static byte[] good = "good file\n".getBytes();

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(root, TftpServerConfig.loopback());
        Files.write(fx.files.resolve("good.txt"), good);
        Files.writeString(root.resolve("secret.txt"), "outside the root");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("garbage", TftpCodecTest.bytes(0xFF, 0xFF, "junk"), 4),
                Arguments.of("one byte", TftpCodecTest.bytes(1), 4),
                Arguments.of("dot-dot", rrq("../secret.txt"), 2),
                Arguments.of("absolute dot-dot", rrq("/../secret.txt"), 2),
                Arguments.of("inner dot-dot", rrq("sub/../../secret.txt"), 2),
                Arguments.of("double slash", rrq("//etc/passwd"), 2),
                Arguments.of("drive letter", rrq("C:/boot.ini"), 2),
                Arguments.of("backslash", rrq("..\\secret.txt"), 2),
                Arguments.of("control char", rrq("good\u0001.txt"), 2),
                Arguments.of("absolute path outside", rrq("/etc/passwd"), 1),
                Arguments.of("over-long name", rrq("a".repeat(300)), 4),
                Arguments.of("mail mode", TftpCodecTest.bytes(0, 1, "good.txt", 0, "mail", 0), 4),
                Arguments.of("no mode", TftpCodecTest.bytes(0, 1, "good.txt", 0), 4),
                Arguments.of("oversized request", TftpCodecTest.bytes(0, 1, "good.txt", 0, "octet", 0, "x".repeat(600)), 4),
                Arguments.of("too many options", opts("a", "1", "b", "1", "c", "1", "d", "1", "e", "1", "f", "1",
                        "g", "1", "h", "1", "i", "1"), 8),
                Arguments.of("duplicate option", opts("blksize", "1024", "BLKSIZE", "512"), 8),
                Arguments.of("long option value", opts("blksize", "1".repeat(40)), 8),
                Arguments.of("blksize not a number", opts("blksize", "abc"), 8),
                Arguments.of("blksize too small", opts("blksize", "4"), 8),
                Arguments.of("timeout zero", opts("timeout", "0"), 8),
                Arguments.of("timeout too big", opts("timeout", "256"), 8),
                Arguments.of("negative tsize", opts("tsize", "-1"), 8),
                Arguments.of("DATA to the listen port", TftpCodecTest.bytes(0, 3, 0, 1, "x"), 4),
                Arguments.of("ACK to the listen port", TftpCodecTest.bytes(0, 4, 0, 1), 4),
                Arguments.of("OACK to the listen port", TftpCodecTest.bytes(0, 6, "blksize", 0, "8", 0), 4),
                Arguments.of("WRQ dot-dot", TftpCodecTest.bytes(0, 2, "../x.bin", 0, "octet", 0), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void answeredWithAnErrorAndServingContinues(String name, byte[] datagram, int code) throws Exception {
        try (RawPeer peer = new RawPeer()) {
            peer.send(datagram, fx.address());
            RawPeer.Received answer = peer.receive();
            assertThat(answer.packet()).isInstanceOf(ErrorPacket.class);
            ErrorPacket error = (ErrorPacket) answer.packet();
            assertThat(error.code().code()).as(error.message()).isEqualTo(code);
            // A refused well-formed request is answered from a new TID (RFC 1350 §4); garbage from the listen port.
            if (isRequest(datagram)) {
                assertThat(answer.from().getPort()).as("refusal from a fresh port").isNotEqualTo(fx.server.port());
            } else {
                assertThat(answer.from()).as("garbage answered from the listen port").isEqualTo(fx.address());
            }
        }
        assertThat(new TftpClient().get(fx.address(), "good.txt", TftpClientOptions.defaults())).isEqualTo(good);
        assertThat(fx.pathsSeen).allSatisfy(p -> assertThat(p).doesNotContain("..").startsWith("/"));
    }

    @Test
    void aFloodOfJunkDoesNotStopService() throws Exception {
        fx.events.clear();
        try (RawPeer peer = new RawPeer()) {
            for (int i = 0; i < 500; i++) {
                peer.send(TftpCodecTest.bytes(0, i % 7, "junk" + i), fx.address());
            }
        }
        assertThat(new TftpClient().get(fx.address(), "good.txt", TftpClientOptions.defaults())).isEqualTo(good);
        TftpTransferEvent e = fx.nextEvent(TftpTransferEvent.Outcome.COMPLETED);
        assertThat(e.path()).isEqualTo("good.txt");
        assertThat(fx.server.activeTransfers()).isZero();
    }

    @Test
    void malformedRequestsAreReported() throws Exception {
        fx.events.clear();
        try (RawPeer peer = new RawPeer()) {
            peer.send(rrq("a".repeat(300)), fx.address());
            peer.receiveError();
        }
        // Skip late events of earlier tests' requests (the hostile cases before this one are malformed too).
        TftpTransferEvent e;
        do {
            e = fx.nextEvent(TftpTransferEvent.Outcome.MALFORMED);
        } while (!e.detail().contains("longer than 255"));
        assertThat(e.direction()).isEqualTo(TftpTransferEvent.Direction.UNKNOWN);
    }

    static boolean isRequest(byte[] datagram) {
        return TftpCodec.decode(datagram, 0, datagram.length) instanceof TftpDecodeResult.Decoded d
                && (d.packet() instanceof ReadRequest || d.packet() instanceof WriteRequest);
    }

    static byte[] rrq(String name) {
        return TftpCodecTest.bytes(0, 1, name, 0, "octet", 0);
    }

    static byte[] opts(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (String p : pairs) {
            sb.append(p).append('\0');
        }
        return TftpCodecTest.bytes(0, 1, "good.txt", 0, "octet", 0, sb.toString());
    }
}
