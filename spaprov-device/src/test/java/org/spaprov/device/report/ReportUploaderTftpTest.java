package org.spaprov.device.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.device.peers.Peers.requirePeer;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.sip.FakeDevice;
import org.spaprov.tftp.TftpClient;
import org.spaprov.tftp.TftpClientOptions;
import org.spaprov.tftp.TftpException;

/** Report upload by TFTP WRQ to the real tftpd-hpa ({@code in.tftpd -c}). */
class ReportUploaderTftpTest {
    private static final Path IN_TFTPD = Path.of("/usr/sbin/in.tftpd");
    private final FakeDevice device = new FakeDevice("000e08aabbcc");
    private Process tftpd;
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        requirePeer(Files.isExecutable(IN_TFTPD), "in.tftpd not installed");
        Path root = Files.createDirectories(dir.resolve("root"));
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = s.getLocalPort();
        }
        tftpd = new ProcessBuilder(List.of(IN_TFTPD.toString(), "-L", "-a", "127.0.0.1:" + port, "-u",
                System.getProperty("user.name"), "-c", "-p", "-U", "000", "-s", root.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("tftpd.log").toFile()).start();
        awaitReady();
    }

    @AfterEach
    void stop() throws Exception {
        if (tftpd != null) {
            tftpd.destroy();
            tftpd.waitFor();
        }
    }

    @Test
    void writesTheReportByWrq() throws Exception {
        device.vars.put("MA", "000e08aabbcc");
        device.set("GPP_SB", "TopSecretKey").set("Report_Rule", "tftp://127.0.0.1:" + port + "/rep-$MA.xml");
        ReportResult r = ReportUploader.defaults().upload(device, Optional.empty(), "ua");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(ReportResult.Outcome.SENT);
        String xml = Files.readString(dir.resolve("root/rep-000e08aabbcc.xml"), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<flat-profile>").contains("<User_ID_1_>1001</User_ID_1_>")
                .doesNotContain("TopSecretKey");
        assertThat(r.bytes()).isEqualTo(xml.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void refusedWriteIsAFailure() throws Exception {
        device.set("Report_Rule", "tftp://127.0.0.1:" + port + "/no/such/dir/rep.xml");
        ReportResult r = ReportUploader.defaults().upload(device, Optional.empty(), "ua");
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.FAILED);
        assertThat(r.detail()).startsWith("tftp_put failed");
    }

    /** Probes with short socket timeouts until the daemon answers (no sleeps). */
    private void awaitReady() throws Exception {
        TftpClientOptions probe = TftpClientOptions.plain().withRetransmitTimeout(Duration.ofMillis(50)).withMaxRetries(3);
        for (int i = 0; i < 40; i++) {
            requirePeer(tftpd.isAlive(), "in.tftpd did not start");
            try {
                new TftpClient().get(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "probe", probe);
                return;
            } catch (TftpException e) {
                if (e.kind() != TftpException.Kind.TIMEOUT) {
                    return;
                }
            }
        }
        requirePeer(false, "in.tftpd did not answer");
    }
}
