package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client against tftpd-hpa ({@code in.tftpd}) and against a silent socket. */
class TftpClientInteropTest {

    @TempDir
    static Path root;
    static Path dir;
    static Peers.InTftpd tftpd;
    static byte[] small;
    static byte[] medium;

    private final TftpClient client = new TftpClient();

    @BeforeAll
    static void startDaemon() throws Exception {
        dir = Files.createDirectory(root.resolve("srv"));
        small = "hello from tftpd\n".getBytes();
        medium = random(300_000, 1);
        Files.write(dir.resolve("small.txt"), small);
        Files.write(dir.resolve("medium.bin"), medium);
        Files.write(dir.resolve("exact.bin"), random(1024, 2)); // a multiple of 512: ends with an empty block
        tftpd = Peers.InTftpd.start(dir, true);
    }

    @AfterAll
    static void stopDaemon() {
        if (tftpd != null) {
            tftpd.close();
        }
    }

    @Test
    void getsWithAndWithoutOptions() throws Exception {
        assertThat(client.get(tftpd.address, "small.txt", TftpClientOptions.defaults())).isEqualTo(small);
        assertThat(client.get(tftpd.address, "small.txt", TftpClientOptions.plain())).isEqualTo(small);
        assertThat(client.get(tftpd.address, "exact.bin", TftpClientOptions.plain()))
                .isEqualTo(Files.readAllBytes(dir.resolve("exact.bin")));
    }

    @Test
    void negotiatesBlockSizes() throws Exception {
        for (int blksize : new int[] {8, 512, 1024, 1468, 8192, 65464}) {
            assertThat(client.get(tftpd.address, "medium.bin", TftpClientOptions.defaults().withBlockSize(blksize)))
                    .as("blksize %d", blksize).isEqualTo(medium);
        }
    }

    @Test
    void fileNotFound() {
        assertThatThrownBy(() -> client.get(tftpd.address, "missing.xml", TftpClientOptions.defaults()))
                .isInstanceOfSatisfying(TftpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TftpException.Kind.FILE_NOT_FOUND);
                    assertThat(e.errorCode()).contains(TftpErrorCode.FILE_NOT_FOUND);
                    assertThat(e.getMessage()).contains("missing.xml");
                });
    }

    @Test
    void enforcesMaxSizeFromTsizeAndFromData() {
        for (boolean tsize : new boolean[] {true, false}) {
            TftpClientOptions options = TftpClientOptions.defaults().withTsize(tsize).withMaxSize(100_000);
            assertThatThrownBy(() -> client.get(tftpd.address, "medium.bin", options))
                    .isInstanceOfSatisfying(TftpException.class,
                            e -> assertThat(e.kind()).isEqualTo(TftpException.Kind.TOO_LARGE));
        }
    }

    @Test
    void wrapsBlockNumbersPast65535() throws Exception {
        byte[] big = random(70_000 * 16 + 5, 3); // 70,001 blocks of 16 bytes
        Files.write(dir.resolve("wrap.bin"), big);
        assertThat(client.get(tftpd.address, "wrap.bin", TftpClientOptions.defaults().withBlockSize(16)))
                .isEqualTo(big);
    }

    @Test
    void uploads() throws Exception {
        byte[] report = random(5000, 4);
        client.put(tftpd.address, "report-a.xml", report, TftpClientOptions.defaults());
        assertThat(dir.resolve("report-a.xml")).hasBinaryContent(report);
        client.put(tftpd.address, "report-b.xml", report, TftpClientOptions.plain());
        assertThat(dir.resolve("report-b.xml")).hasBinaryContent(report);
        client.put(tftpd.address, "empty.xml", new byte[0], TftpClientOptions.defaults());
        assertThat(dir.resolve("empty.xml")).isEmptyFile();
    }

    @Test
    void fallsBackWhenTheServerRefusesOptions(@TempDir Path other) throws Exception {
        Files.write(other.resolve("f.bin"), medium);
        try (Peers.InTftpd noBlksize = Peers.InTftpd.start(other, false, "-r", "blksize", "-r", "tsize")) {
            assertThat(client.get(noBlksize.address, "f.bin", TftpClientOptions.defaults().withBlockSize(4096)))
                    .isEqualTo(medium);
        }
    }

    @Test
    void manyConcurrentGetsOnVirtualThreads() throws Exception {
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(vt.submit(() -> client.get(tftpd.address, "small.txt", TftpClientOptions.defaults())));
            }
            for (Future<byte[]> r : results) {
                assertThat(r.get()).isEqualTo(small);
            }
        }
    }

    @Test
    void timesOutAgainstASilentSocketAfterRetransmitting() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            TftpClientOptions options = TftpClientOptions.defaults()
                    .withRetransmitTimeout(Duration.ofMillis(20)).withMaxRetries(2);
            assertThatThrownBy(() -> client.get((InetSocketAddress) silent.getLocalSocketAddress(), "x.xml", options))
                    .isInstanceOfSatisfying(TftpException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TftpException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("2 retransmissions");
                    });
            // The first request and both retransmissions reached the socket.
            silent.setSoTimeout(1000);
            byte[] buf = new byte[600];
            for (int i = 0; i < 3; i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                silent.receive(p);
                assertThat(TftpCodec.decode(buf, 0, p.getLength())).isInstanceOfSatisfying(
                        TftpDecodeResult.Decoded.class, d -> assertThat(d.packet()).isInstanceOf(ReadRequest.class));
            }
        }
    }

    @Test
    void overallTimeoutBoundsTheTransfer() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            TftpClientOptions options = TftpClientOptions.defaults()
                    .withRetransmitTimeout(Duration.ofMillis(20)).withMaxRetries(1000)
                    .withOverallTimeout(Duration.ofMillis(200));
            // 1000 retries of 20 ms would take 20 s; the message says which budget ended the transfer.
            assertThatThrownBy(() -> client.put((InetSocketAddress) silent.getLocalSocketAddress(), "r.xml",
                    new byte[10], options))
                    .isInstanceOfSatisfying(TftpException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TftpException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("no complete transfer within 200 ms");
                    });
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
