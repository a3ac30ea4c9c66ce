package org.spaprov.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.server.feedback.syslog.SyslogMessage;

/** The syslog codec, in memory: RFC 3164 and RFC 5424 lines, and whatever else arrives, never an exception. */
class SyslogMessageTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static SyslogMessage decode(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return SyslogMessage.decode(b, b.length, "192.0.2.7", AT);
    }

    @Test
    void readsTheDevicesBsdLine() {
        // What spaprov-device's SyslogSender (and an SPA) sends: local0.notice, Mmm dd hh:mm:ss HOST TAG: MSG
        SyslogMessage m = decode("<133>Jan  2 03:04:05 SPA2102_000e08aabb01 SPA2102: SPA2102 00:0e:08:aa:bb:01"
                + " -- Resync failed: file not found");
        assertThat(m.facility()).isEqualTo(16);
        assertThat(m.severity()).isEqualTo(5);
        assertThat(m.hostname()).hasValue("SPA2102_000e08aabb01");
        assertThat(m.app()).hasValue("SPA2102");
        assertThat(m.text()).isEqualTo("SPA2102 00:0e:08:aa:bb:01 -- Resync failed: file not found");
        assertThat(m.receivedAt()).isEqualTo(AT);
        assertThat(m.address()).isEqualTo("192.0.2.7");
    }

    @Test
    void readsLoggersRfc3164LineWithPid() {
        SyslogMessage m = decode("<13>Dec  6 18:12:08 host spa[42]: hello world\n");
        assertThat(m.app()).hasValue("spa");
        assertThat(m.text()).isEqualTo("hello world");
    }

    @Test
    void readsRfc5424WithStructuredDataAndBom() {
        SyslogMessage m = decode("<131>1 2026-12-06T18:12:08.1+00:00 host spa 42 - [timeQuality tzKnown=\"1\"]"
                + " \uFEFFSPA2102 000e08aabb01 -- Upgrade failed: http_get failed");
        assertThat(m.facility()).isEqualTo(16);
        assertThat(m.severity()).isEqualTo(3);
        assertThat(m.hostname()).hasValue("host");
        assertThat(m.app()).hasValue("spa");
        assertThat(m.text()).isEqualTo("SPA2102 000e08aabb01 -- Upgrade failed: http_get failed");
    }

    @Test
    void readsRfc5424WithNilFieldsAndNoMessage() {
        SyslogMessage m = decode("<14>1 - - - - - -");
        assertThat(m.hostname()).isEmpty();
        assertThat(m.app()).isEmpty();
        assertThat(m.text()).isEmpty();
    }

    @Test
    void keepsALineWithoutPriorityWholeAndEscapesControlCharacters() {
        SyslogMessage m = decode("no pri\u0007 here\u001b[2J");
        assertThat(m.text()).isEqualTo("no pri  here [2J");
        assertThat(m.hostname()).isEmpty();
        assertThat(decode("<999>x").text()).isEqualTo("<999>x");
    }

    @Test
    void cutsALongDatagramAndSaysSo() {
        SyslogMessage m = decode("<13>" + "x".repeat(5000));
        assertThat(m.truncated()).isTrue();
        assertThat(m.text().length()).isLessThanOrEqualTo(SyslogMessage.MAX_BYTES);
        assertThat(decode("<13>short").truncated()).isFalse();
    }

    @Test
    void neverThrowsOnJunk() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = '<';
            }
            SyslogMessage m = SyslogMessage.decode(b, b.length, "::1", AT);
            assertThat(m.text()).doesNotContainPattern("[\\x00-\\x1f]");
        }
        assertThat(SyslogMessage.decode(new byte[0], 0, "::1", AT).text()).isEmpty();
        assertThat(decode("<13>").app()).isEqualTo(Optional.empty());
    }
}
