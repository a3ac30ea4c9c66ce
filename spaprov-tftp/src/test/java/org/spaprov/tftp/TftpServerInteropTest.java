package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our server against clients we did not write: tftp-hpa, curl, commons-net; and our own client. */
class TftpServerInteropTest {

    @TempDir
    static Path root;
    static ServerFixture fx;
    static byte[] medium;
    static byte[] text;
    static String port;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(root, TftpServerConfig.loopback());
        medium = TftpClientInteropTest.random(300_000, 7);
        text = "line one\nline two\r\nno newline at end".getBytes(StandardCharsets.US_ASCII);
        Files.write(fx.files.resolve("medium.bin"), medium);
        Files.write(fx.files.resolve("exact.bin"), TftpClientInteropTest.random(1468 * 4, 8));
        Files.write(fx.files.resolve("text.txt"), text);
        Files.createDirectories(fx.files.resolve("sub"));
        Files.write(fx.files.resolve("sub/spa001122334455.xml"), text);
        port = Integer.toString(fx.server.port());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void tftpHpaGetsOctetAndNetascii(@TempDir Path work) throws Exception {
        Peers.assumeInstalled(Peers.TFTP);
        Path log = work.resolve("log");
        Peers.run(work, log, Peers.TFTP, "-m", "octet", "127.0.0.1", port, "-c", "get", "medium.bin", "m.bin");
        assertThat(work.resolve("m.bin")).hasBinaryContent(medium);
        // tftp-hpa defaults to netascii: we send CR LF / CR NUL, it converts back to the original bytes.
        Peers.run(work, log, Peers.TFTP, "127.0.0.1", port, "-c", "get", "text.txt", "t.txt");
        assertThat(work.resolve("t.txt")).hasBinaryContent(text);
        Peers.run(work, log, Peers.TFTP, "-m", "octet", "127.0.0.1", port, "-c", "get", "/sub/spa001122334455.xml", "s.xml");
        assertThat(work.resolve("s.xml")).hasBinaryContent(text);
        Peers.run(work, log, Peers.TFTP, "-m", "octet", "127.0.0.1", port, "-c", "get", "missing.xml", "x.xml");
        assertThat(Files.readString(log)).contains("Error code 1");
    }

    @Test
    void tftpHpaPuts(@TempDir Path work) throws Exception {
        Peers.assumeInstalled(Peers.TFTP);
        byte[] report = TftpClientInteropTest.random(20_000, 9);
        Files.write(work.resolve("r.bin"), report);
        Peers.run(work, work.resolve("log"), Peers.TFTP, "-m", "octet", "127.0.0.1", port, "-c", "put", "r.bin", "hpa.bin");
        assertThat(fx.uploads.resolve("hpa.bin")).hasBinaryContent(report);
    }

    @Test
    void curlGetsWithAndWithoutBlksize(@TempDir Path work) throws Exception {
        Peers.assumeInstalled(Peers.CURL);
        Path log = work.resolve("log");
        String url = "tftp://127.0.0.1:" + port + "/medium.bin";
        assertThat(Peers.run(work, log, Peers.CURL, "-sS", "-o", "a.bin", url)).isZero();
        assertThat(work.resolve("a.bin")).hasBinaryContent(medium);
        assertThat(Peers.run(work, log, Peers.CURL, "-sS", "--tftp-blksize", "1468", "-o", "b.bin", url)).isZero();
        assertThat(work.resolve("b.bin")).hasBinaryContent(medium);
        assertThat(Peers.run(work, log, Peers.CURL, "-sS", "--tftp-blksize", "1468", "-o", "c.bin",
                "tftp://127.0.0.1:" + port + "/exact.bin")).isZero();
        assertThat(work.resolve("c.bin")).hasBinaryContent(Files.readAllBytes(fx.files.resolve("exact.bin")));
        // curl exit code 68: "file not found" on the TFTP server
        assertThat(Peers.run(work, log, Peers.CURL, "-sS", "-o", "d.bin", "tftp://127.0.0.1:" + port + "/nope"))
                .isEqualTo(68);
    }

    @Test
    void curlUploads(@TempDir Path work) throws Exception {
        Peers.assumeInstalled(Peers.CURL);
        byte[] report = TftpClientInteropTest.random(50_000, 10);
        Files.write(work.resolve("r.bin"), report);
        assertThat(Peers.run(work, work.resolve("log"), Peers.CURL, "-sS", "-T", "r.bin",
                "tftp://127.0.0.1:" + port + "/curl.bin")).isZero();
        assertThat(fx.uploads.resolve("curl.bin")).hasBinaryContent(report);
        assertThat(Peers.run(work, work.resolve("log"), Peers.CURL, "-sS", "--tftp-blksize", "1468", "-T", "r.bin",
                "tftp://127.0.0.1:" + port + "/curl2.bin")).isZero();
        assertThat(fx.uploads.resolve("curl2.bin")).hasBinaryContent(report);
    }

    @Test
    void commonsNetGetsAndPuts() throws Exception {
        TFTPClient client = new TFTPClient();
        client.open();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.receiveFile("medium.bin", TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), fx.server.port());
            assertThat(out.toByteArray()).isEqualTo(medium);
            byte[] report = TftpClientInteropTest.random(3000, 11);
            client.sendFile("cn.bin", TFTP.BINARY_MODE, new ByteArrayInputStream(report),
                    InetAddress.getLoopbackAddress(), fx.server.port());
            assertThat(fx.uploads.resolve("cn.bin")).hasBinaryContent(report);
            // commons-net checks that the ERROR comes from a new TID; from the listen port it would report
            // "Incorrect source port" instead of the server's reason.
            assertThatThrownBy(() -> client.receiveFile("missing.bin", TFTP.BINARY_MODE, new ByteArrayOutputStream(),
                    InetAddress.getLoopbackAddress(), fx.server.port()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Error code 1")
                    .hasMessageContaining("File not found");
            assertThatThrownBy(() -> client.receiveFile("../secret.txt", TFTP.BINARY_MODE, new ByteArrayOutputStream(),
                    InetAddress.getLoopbackAddress(), fx.server.port()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Error code 2");
        } finally {
            client.close();
        }
    }

    @Test
    void ourClientWithEveryBlockSize() throws Exception {
        TftpClient client = new TftpClient();
        for (int blksize : new int[] {16, 512, 1468, 65464}) {
            assertThat(client.get(fx.address(), "medium.bin", TftpClientOptions.defaults().withBlockSize(blksize)))
                    .isEqualTo(medium);
        }
        assertThat(client.get(fx.address(), "medium.bin", TftpClientOptions.plain().withTimeoutOption(3)))
                .isEqualTo(medium);
    }

    @Test
    void ourClientAcrossBlockNumberWrap() throws Exception {
        byte[] big = TftpClientInteropTest.random(66_000 * 8 + 3, 12);
        Files.write(fx.files.resolve("wrap.bin"), big);
        assertThat(new TftpClient().get(fx.address(), "wrap.bin", TftpClientOptions.defaults().withBlockSize(8)))
                .isEqualTo(big);
        byte[] upload = TftpClientInteropTest.random(66_000 * 8, 13);
        TftpServerConfig config = TftpServerConfig.loopback().withMaxUploadSize(1 << 20);
        try (ServerFixture big2 = new ServerFixture(root.resolve("wrap"), config)) {
            new TftpClient().put(big2.address(), "up.bin", upload, TftpClientOptions.defaults().withBlockSize(8));
            assertThat(big2.uploads.resolve("up.bin")).hasBinaryContent(upload);
        }
    }

    @Test
    void thousandsOfConcurrentClientsOnVirtualThreads() throws Exception {
        // All from 127.0.0.1: this is about concurrency, not fairness between addresses (on a loaded machine
        // hundreds of the 2,000 may wait past one timeout, which the stalled cap would rightly refuse).
        TftpServerConfig config = TftpServerConfig.loopback().withMaxTransfers(4096)
                .withPeers(TftpServerConfig.PeerLimits.defaults().withTransfersPerAddress(4096).withStalledPerAddress(4096));
        try (ServerFixture many = new ServerFixture(root.resolve("many"), config)) {
            byte[] content = TftpClientInteropTest.random(3000, 14);
            Files.write(many.files.resolve("p.xml"), content);
            TftpClient client = new TftpClient();
            List<Future<byte[]>> results = new ArrayList<>();
            try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 2000; i++) {
                    results.add(vt.submit(() -> client.get(many.address(), "p.xml", TftpClientOptions.defaults())));
                }
                for (Future<byte[]> r : results) {
                    assertThat(r.get()).isEqualTo(content);
                }
            }
        }
    }

    @Test
    void manyConcurrentTransfers() throws Exception {
        TftpClient client = new TftpClient();
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                results.add(vt.submit(() -> client.get(fx.address(), "exact.bin", TftpClientOptions.defaults())));
            }
            byte[] exact = Files.readAllBytes(fx.files.resolve("exact.bin"));
            for (Future<byte[]> r : results) {
                assertThat(r.get()).isEqualTo(exact);
            }
        }
    }
}
