package org.spaprov.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;

/**
 * TFTP through {@link ProvisioningServer} against clients we did not write: curl, tftp-hpa, commons-net; what is
 * served decodes with {@code openssl enc -d -md md5} and {@code gunzip}; malformed packets do not stop it.
 */
class TftpInteropTest {
    private static final String XML = "<flat-profile>\n" + "<Proxy_1_ ua=\"na\">sip.example.com</Proxy_1_>\n".repeat(60)
            + "</flat-profile>\n";
    @TempDir
    static Path tmp;
    static FakeProvisioning fake;
    static ProvisioningServer server;
    static int port;
    static byte[] firmware;

    @BeforeAll
    static void start() throws Exception {
        firmware = new byte[100_000];
        new Random(7).nextBytes(firmware);
        fake = new FakeProvisioning()
                .put("/spa000e08aabbcc.xml", XML)
                .put("/spa000e08aabbcc.cfg", ProfileCodec.encode(XML.getBytes(StandardCharsets.UTF_8), true,
                        "SecretPhrase1234", Digest.MD5))
                .put("/spa000e08aabbcc.xml.gz", ProfileCodec.encode(XML.getBytes(StandardCharsets.UTF_8), true, null,
                        Digest.MD5))
                .put("/firmware/spa2102.bin", firmware);
        server = ProvisioningServer.start(NetSettings.loopback(Optional.empty()).withPorts(0, -1, -1), fake, fake,
                Clock.systemUTC());
        port = server.tftpAddress().orElseThrow().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String path) {
        return "tftp://127.0.0.1:" + port + path;
    }

    @Test
    void printsTheTftpLine() {
        assertThat(server.listeningLines()).containsExactly("listening tftp 127.0.0.1:" + port);
    }

    @Test
    void curlWithAndWithoutBlksize() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        Proc.Result plain = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", url("/spa000e08aabbcc.xml")));
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.outText()).isEqualTo(XML);
        Proc.Result big = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "--tftp-blksize", "1468",
                url("/firmware/spa2102.bin")));
        assertThat(big.exit()).as(big.err()).isZero();
        assertThat(big.out()).isEqualTo(firmware);
        Proc.Result small = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "--tftp-blksize", "512",
                url("/firmware/spa2102.bin")));
        assertThat(small.out()).isEqualTo(firmware);
    }

    @Test
    void servedProfilesDecodeWithOpensslAndGunzip() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        Proc.assumeInstalled("/usr/bin/openssl");
        Proc.assumeInstalled("/usr/bin/gunzip");
        Proc.Result enc = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", url("/spa000e08aabbcc.cfg")));
        Proc.Result dec = Proc.run(List.of("/usr/bin/openssl", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k",
                "SecretPhrase1234"), enc.out());
        assertThat(dec.exit()).as(dec.err()).isZero();
        Proc.Result xml = Proc.run(List.of("/usr/bin/gunzip", "-c"), dec.out());
        assertThat(xml.outText()).isEqualTo(XML);
        Proc.Result gz = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", url("/spa000e08aabbcc.xml.gz")));
        assertThat(Proc.run(List.of("/usr/bin/gunzip", "-c"), gz.out()).outText()).isEqualTo(XML);
    }

    @Test
    void tftpHpaClientInOctetMode() throws Exception {
        Proc.assumeInstalled("/usr/bin/tftp");
        Path out = tmp.resolve("hpa.bin");
        Proc.Result r = Proc.run(List.of("/usr/bin/tftp", "-m", "octet", "127.0.0.1", String.valueOf(port), "-c",
                "get", "/firmware/spa2102.bin", out.toString()));
        assertThat(r.exit()).as(r.err() + r.outText()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(firmware);
    }

    /**
     * commons-net insists that even an error reply comes from a fresh port (RFC 1350 §4); spaprov-tftp sends
     * refusals from one, so the client sees the server's reason, not "Incorrect source port".
     */
    @Test
    void commonsNetClient() throws Exception {
        TFTPClient c = new TFTPClient();
        c.setDefaultTimeout(java.time.Duration.ofSeconds(5));
        c.open();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.receiveFile("spa000e08aabbcc.xml", TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), port);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(XML);
            assertThatThrownBy(() -> c.receiveFile("/nothing.xml", TFTP.BINARY_MODE, new ByteArrayOutputStream(),
                    InetAddress.getLoopbackAddress(), port)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Error code 1").hasMessageContaining("File not found");
            assertThatThrownBy(() -> c.receiveFile("../../etc/passwd", TFTP.BINARY_MODE, new ByteArrayOutputStream(),
                    InetAddress.getLoopbackAddress(), port)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Error code 2").hasMessageNotContaining("Incorrect source port");
        } finally {
            c.close();
        }
        assertThat(fake.requests).noneMatch(r -> r.path().contains(".."));
    }

    @Test
    void curlReportsAMissingFile() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        Proc.Result r = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", url("/missing.xml")));
        assertThat(r.exit()).as(r.err()).isEqualTo(68); // curl: "file not found" on the TFTP server
    }

    @Test
    void uploadsGoToTheReportSink() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        Path report = tmp.resolve("report.xml");
        Files.writeString(report, "<flat-profile><Proxy_1_>x</Proxy_1_></flat-profile>");
        Proc.Result r = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "-T", report.toString(),
                url("/reports/000e08aabbcc.xml")));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(fake.reports.get("/reports/000e08aabbcc.xml")).asString().contains("<Proxy_1_>x</Proxy_1_>");
    }

    @Test
    void malformedPacketsGetAnErrorOrNothingAndTheServerKeepsServing() throws Exception {
        byte[][] bad = {
            {0, 9, 'x', 0, 'o', 'c', 't', 'e', 't', 0},          // unknown opcode
            {0, 1, 'a', 'b', 'c'},                                // RRQ without terminators
            {0},                                                  // too short
            {0, 1, 0, 'o', 'c', 't', 'e', 't', 0},               // empty file name
            ("\0\1/spa000e08aabbcc.xml\0octet\0blksize\0" + "9".repeat(40) + "\0").getBytes(StandardCharsets.ISO_8859_1),
        };
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(2000);
            int errors = 0;
            for (byte[] b : bad) {
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket in = new DatagramPacket(new byte[600], 600);
                try {
                    s.receive(in);
                    if (in.getLength() >= 2 && in.getData()[1] == 5) {
                        errors++;
                    }
                } catch (java.net.SocketTimeoutException silent) {
                    // Dropping garbage is allowed too.
                }
            }
            assertThat(errors).isPositive();
        }
        TFTPClient c = new TFTPClient();
        c.setDefaultTimeout(java.time.Duration.ofSeconds(5));
        c.open();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.receiveFile("/spa000e08aabbcc.xml", TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), port);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(XML);
        } finally {
            c.close();
        }
    }
}
