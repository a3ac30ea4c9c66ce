package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.Proc;

/**
 * The NOTIFY sender against a SIP stack we did not write: {@code sipp} as the device, challenging with
 * 401 and checking our digest with its own {@code verifyauth}; and against a device that never answers.
 */
class NotifySenderTest {
    private static final Path SIPP = Path.of("/usr/bin/sipp");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static NotifySender sender;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sender = NotifySender.start(LOOPBACK, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    private Process sipp(int port, String user, String password, String event) throws Exception {
        Path sf = dir.resolve("notify_uas.xml");
        try (InputStream in = NotifySenderTest.class.getResourceAsStream("/sipp/notify_uas.xml")) {
            Files.copy(in, sf, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ProcessBuilder(List.of(SIPP.toString(), "-sf", sf.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-m", "1", "-key", "user", user, "-key", "password", password, "-key", "event",
                event, "-nostdin", "-timeout", "30s", "-timeout_error", "-trace_err", "-error_file",
                dir.resolve("errors.log").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile())
                .start();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        }
    }

    private String sippLog() throws Exception {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("sipp.out", "errors.log")) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                String t = Files.readString(p);
                b.append("--- ").append(f).append('\n').append(t.length() > 3000 ? t.substring(t.length() - 3000) : t);
            }
        }
        return b.toString();
    }

    @Test
    void sippAsTheDeviceChallengesAndAcceptsOurDigest() throws Exception {
        Proc.requirePeer(Files.isExecutable(SIPP), "sipp (sip-tester)");
        int port = freeUdpPort();
        Process p = sipp(port, "1001", "s3cret", "resync");
        // no wait for sipp to bind: a NOTIFY sent before is retransmitted (RFC 3261 timer E)
        PushOutcome o = sender.send(new NotifySender.Target(new InetSocketAddress(LOOPBACK, port), "1001",
                Optional.of(new NotifySender.Credentials("1001", "s3cret"))), "resync").get(30, TimeUnit.SECONDS);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sipp exit code (0: our digest verified)\n%s", sippLog()).isZero();
        assertThat(o.result()).isEqualTo(PushOutcome.Result.OK);
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.detail()).isEqualTo("200 OK after digest").doesNotContain("s3cret");
    }

    @Test
    void checkSyncIsSentAsItsOwnEvent() throws Exception {
        Proc.requirePeer(Files.isExecutable(SIPP), "sipp (sip-tester)");
        int port = freeUdpPort();
        Process p = sipp(port, "1001", "s3cret", "check-sync");
        PushOutcome o = sender.send(new NotifySender.Target(new InetSocketAddress(LOOPBACK, port), "1001",
                Optional.of(new NotifySender.Credentials("1001", "s3cret"))), PushAction.CHECK_SYNC.event())
                .get(30, TimeUnit.SECONDS);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sipp saw Event: check-sync\n%s", sippLog()).isZero();
        assertThat(o.result()).isEqualTo(PushOutcome.Result.OK);
        assertThat(PushAction.parse("check-sync")).contains(PushAction.CHECK_SYNC);
        assertThat(PushAction.parse("reboot")).contains(PushAction.REBOOT);
    }

    @Test
    void aWrongPasswordEndsRefusedWithoutTheSecretInTheOutcome() throws Exception {
        Proc.requirePeer(Files.isExecutable(SIPP), "sipp (sip-tester)");
        int port = freeUdpPort();
        Process p = sipp(port, "1001", "right", "report");
        PushOutcome o = sender.send(new NotifySender.Target(new InetSocketAddress(LOOPBACK, port), "1001",
                Optional.of(new NotifySender.Credentials("1001", "wrong-pass"))), "report").get(30, TimeUnit.SECONDS);
        assertThat(o.result()).isEqualTo(PushOutcome.Result.REFUSED);
        assertThat(o.status()).isEqualTo(403);
        assertThat(o.detail()).doesNotContain("wrong-pass");
        p.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aSilentDeviceEndsAsTimeout() throws Exception {
        try (NotifySender quick = NotifySender.start(LOOPBACK, Duration.ofMillis(600));
                DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            PushOutcome o = quick.send(new NotifySender.Target((InetSocketAddress) silent.getLocalSocketAddress(),
                    "000e08aabb01", Optional.empty()), "resync").get(30, TimeUnit.SECONDS);
            assertThat(o.result()).isEqualTo(PushOutcome.Result.TIMEOUT);
            assertThat(o.status()).isZero();
        }
    }
}
