package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.sip.LineStatus;
import org.spaprov.device.sip.LineStatus.State;

/**
 * Line registration against a real registrar: sipp as UAS ({@code register_uas.xml}) challenges
 * with 401, checks the digest with its own {@code verifyauth}, and grants 60 s; the refresh before
 * expiry runs on virtual time. The guide (G301 p70): "REGTMR1 — Seconds since Line 1 lost
 * registration to SIP server"; SPEC §4.3: 0 while registered (the {@code ($REGTMR1 eq 0)?} example).
 */
class LineRegistrarSippTest {
    @TempDir
    Path dir;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final BlockingQueue<LineStatus> changes = new LinkedBlockingQueue<>();
    private final Map<String, String> params = new ConcurrentHashMap<>(Map.of(
            "Line_Enable_1_", "Yes", "Register_1_", "Yes", "User_ID_1_", "1001", "Password_1_", "s3cret",
            "Register_Expires_1_", "60", "Line_Enable_2_", "No", "Register_2_", "Yes"));

    @Test
    void registersWithDigestAndRefreshesBeforeExpiry() throws Exception {
        try (SippRegistrar sipp = SippRegistrar.start(dir, "1001", "s3cret", 60)) {
            int port = sipp.port;
            params.put("Proxy_1_", "127.0.0.1:" + port);
            try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", this::param, clock,
                    InetAddress.getLoopbackAddress(), changes::add)) {
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
            assertThat(sipp.exitCode()).as("sipp: every REGISTER's digest verified\n" + sipp.log()).isZero();
            String messages = sipp.messages();
            assertThat(messages).contains("Authorization: Digest username=\"1001\"", "realm=\"spaprov.test\"",
                    "uri=\"sip:127.0.0.1:" + port + "\"", "qop=auth", "nc=00000001", "Expires: 60",
                    "From: <sip:1001@127.0.0.1>").doesNotContain("s3cret");
        }
    }

    @Test
    void aWrongPasswordIsAFailedRegistrationAndRegtmrCounts() throws Exception {
        try (SippRegistrar sipp = SippRegistrar.start(dir, "1001", "other-password", 60)) {
            params.put("Proxy_1_", "127.0.0.1:" + sipp.port);
            try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", this::param, clock,
                    InetAddress.getLoopbackAddress(), changes::add)) {
                clock.runDue();
                LineStatus failed = next(1, State.FAILED);
                assertThat(failed.detail()).isEqualTo("403 Forbidden");
                clock.advance(Duration.ofSeconds(25));
                assertThat(reg.regTimer(1)).as("seconds since line 1 lost (never had) registration").isEqualTo(25);
            }
            assertThat(sipp.exitCode()).as("the harness notices a wrong digest").isNotZero();
        }
    }

    private String param(String name) {
        return params.getOrDefault(name, "");
    }

    private LineStatus next(int line, State state) throws InterruptedException {
        while (true) {
            LineStatus s = changes.poll(20, TimeUnit.SECONDS);
            assertThat(s).as("line %s to become %s", line, state).isNotNull();
            if (s.line() == line && s.state() == state) {
                return s;
            }
            if (s.line() == line) {
                assertThat(s.state()).as(s.toString()).isEqualTo(State.REGISTERING);
            }
        }
    }
}
