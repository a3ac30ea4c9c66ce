package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.peers.Peers;
import org.spaprov.device.sip.LineRegistrar.LineStatus;
import org.spaprov.device.sip.LineRegistrar.State;

/**
 * Line registration against a real registrar: sipp as UAS ({@code register_uas.xml}) challenges
 * with 401, checks the digest with its own {@code verifyauth}, and grants 60 s; the refresh before
 * expiry runs on virtual time. The guide (G301 p70): "REGTMR1 — Seconds since Line 1 lost
 * registration to SIP server"; SPEC §4.3: 0 while registered (the {@code ($REGTMR1 eq 0)?} example).
 */
class LineRegistrarSippTest {
    private static final Path SIPP = Path.of("/usr/bin/sipp");

    @TempDir
    Path dir;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final BlockingQueue<LineStatus> changes = new LinkedBlockingQueue<>();
    private final Map<String, String> params = new ConcurrentHashMap<>(Map.of(
            "Line_Enable_1_", "Yes", "Register_1_", "Yes", "User_ID_1_", "1001", "Password_1_", "s3cret",
            "Register_Expires_1_", "60", "Line_Enable_2_", "No", "Register_2_", "Yes"));

    @Test
    void registersWithDigestAndRefreshesBeforeExpiry() throws Exception {
        int port = Peers.freeUdpPort();
        Process sipp = sipp(port, "s3cret");
        params.put("Proxy_1_", "127.0.0.1:" + port);
        try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", this::param, clock,
                InetAddress.getLoopbackAddress(), Optional.empty(), changes::add)) {
            clock.runDue();
            LineStatus first = next(1, State.REGISTERED);
            assertThat(first.expires()).as("granted by the registrar").isEqualTo(60);
            assertThat(reg.regTimer(1)).as("$REGTMR1 while registered").isZero();
            assertThat(reg.status(2).state()).isEqualTo(State.OFF);

            clock.advance(Duration.ofSeconds(LineRegistrar.refreshAfter(60) - 1));
            assertThat(changes).as("no refresh before %s s", LineRegistrar.refreshAfter(60)).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            LineStatus refreshed = next(1, State.REGISTERED);
            assertThat(refreshed.since()).isAfter(first.since());
            assertThat(reg.regTimer(1)).isZero();
            assertThat(reg.regTimer(2)).as("line 2 never registered: counts from start")
                    .isEqualTo(LineRegistrar.refreshAfter(60));
        }
        assertThat(sipp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sipp.exitValue()).as("sipp: every REGISTER's digest verified\n" + sippLog()).isZero();
        String messages = messages();
        assertThat(messages).contains("Authorization: Digest username=\"1001\"", "realm=\"spaprov.test\"",
                "uri=\"sip:127.0.0.1:" + port + "\"", "qop=auth", "nc=00000001", "Expires: 60",
                "From: <sip:1001@127.0.0.1>").doesNotContain("s3cret");
    }

    @Test
    void aWrongPasswordIsAFailedRegistrationAndRegtmrCounts() throws Exception {
        int port = Peers.freeUdpPort();
        Process sipp = sipp(port, "other-password");
        params.put("Proxy_1_", "127.0.0.1:" + port);
        try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", this::param, clock,
                InetAddress.getLoopbackAddress(), Optional.empty(), changes::add)) {
            clock.runDue();
            LineStatus failed = next(1, State.FAILED);
            assertThat(failed.detail()).isEqualTo("403 Forbidden");
            clock.advance(Duration.ofSeconds(25));
            assertThat(reg.regTimer(1)).as("seconds since line 1 lost (never had) registration").isEqualTo(25);
        }
        assertThat(sipp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sipp.exitValue()).as("the harness notices a wrong digest").isNotZero();
    }

    private String param(String name) {
        return params.getOrDefault(name, "");
    }

    private LineStatus next(int line, State state) throws InterruptedException {
        while (true) {
            LineStatus s = changes.poll(20, TimeUnit.SECONDS);
            assertThat(s).as("line %s to become %s; sipp: %s", line, state, sippLog()).isNotNull();
            if (s.line() == line && s.state() == state) {
                return s;
            }
            if (s.line() == line) {
                assertThat(s.state()).as(s.toString()).isEqualTo(State.REGISTERING);
            }
        }
    }

    private Process sipp(int port, String password) throws Exception {
        assertTrue(Files.isExecutable(SIPP), "sipp missing: apt-get install sip-tester");
        Path sf = dir.resolve("register_uas.xml");
        try (InputStream in = getClass().getResourceAsStream("/sipp/register_uas.xml")) {
            Files.copy(in, sf, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ProcessBuilder(List.of(SIPP.toString(), "-sf", sf.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-key", "user", "1001", "-key", "password", password,
                "-key", "expires", "60", "-nostdin", "-timeout", "40s", "-timeout_error", "-trace_msg",
                "-message_file", dir.resolve("messages.log").toString(), "-trace_err",
                "-error_file", dir.resolve("errors.log").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile())
                .start();
    }

    private String messages() throws Exception {
        return Files.readString(dir.resolve("messages.log"), StandardCharsets.ISO_8859_1);
    }

    private String sippLog() {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path p : files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".out")).toList()) {
                String s = Files.readString(p, StandardCharsets.ISO_8859_1);
                b.append("--- ").append(p.getFileName()).append('\n')
                        .append(s.length() > 3000 ? s.substring(s.length() - 3000) : s);
            }
            return b.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
