package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.device.peers.Peers.requirePeer;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code sipp} (Debian sip-tester) as the NOTIFY sender, against the JAIN-SIP listener. */
class SipNotifySippTest {
    private static final Path SIPP = Path.of("/usr/bin/sipp");
    private static final FakeDevice device = new FakeDevice("000e08aabbcc");
    private static SipNotifyListener listener;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        requirePeer(Files.isExecutable(SIPP), "sipp not installed");
        listener = SipNotifyListener.start(device, 0);
    }

    @AfterAll
    static void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    @BeforeEach
    void reset() {
        device.reset();
    }

    @Test
    void resyncAfterDigestChallenge() throws Exception {
        assertThat(sipp("notify_auth.xml", "resync")).as("sipp exit code").isZero();
        assertThat(device.nextCall()).isEqualTo("resync - 127.0.0.1");
    }

    @Test
    void reportRebootAndRestartAfterDigestChallenge() throws Exception {
        assertThat(sipp("notify_auth.xml", "report")).isZero();
        assertThat(device.nextCall()).isEqualTo("report");
        assertThat(sipp("notify_auth.xml", "reboot_now")).isZero();
        assertThat(device.nextCall()).isEqualTo("reboot");
        assertThat(sipp("notify_auth.xml", "restart_now")).isZero();
        assertThat(device.nextCall()).isEqualTo("restart");
    }

    @Test
    void wrongPasswordIsForbidden() throws Exception {
        assertThat(sipp("notify_auth_wrong_password.xml", "resync")).isZero();
        assertThat(device.calls).isEmpty();
    }

    @Test
    void unknownEventIs489() throws Exception {
        assertThat(sipp("notify_489.xml", "presence")).isZero();
        assertThat(device.calls).isEmpty();
    }

    @Test
    void resyncFromSipNoIs403() throws Exception {
        device.set("Resync_From_SIP", "No");
        assertThat(sipp("notify_403.xml", "check-sync")).isZero();
        assertThat(device.calls).isEmpty();
    }

    @Test
    void aFailingScenarioIsDetected() throws Exception {
        // guards the harness: sipp must report failure when the device answers otherwise
        assertThat(sipp("notify_489.xml", "resync")).isNotZero();
        assertThat(device.calls).isEmpty();
    }

    /** Runs one sipp call of {@code scenario} with {@code -key event EVENT}; returns its exit code. */
    private int sipp(String scenario, String event) throws Exception {
        Path sf = dir.resolve(scenario);
        try (InputStream in = getClass().getResourceAsStream("/sipp/" + scenario)) {
            Files.copy(in, sf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = dir.resolve(scenario + "." + event + ".out");
        Process p = new ProcessBuilder(List.of(SIPP.toString(),
                "127.0.0.1:" + listener.port(), "-sf", sf.toString(), "-key", "event", event,
                "-s", "spa", "-m", "1", "-i", "127.0.0.1", "-p", String.valueOf(freeUdpPort()),
                "-cp", String.valueOf(freeUdpPort()), "-nostdin", "-timeout", "20s", "-timeout_error",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sipp finished").isTrue();
        if (p.exitValue() != 0) {
            Path err = dir.resolve("errors.log");
            System.err.println("sipp " + scenario + " " + event + " exit " + p.exitValue() + "\n"
                    + (Files.exists(err) ? Files.readString(err, StandardCharsets.ISO_8859_1) : "")
                    + tail(Files.readString(out, StandardCharsets.ISO_8859_1)));
        }
        return p.exitValue();
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
