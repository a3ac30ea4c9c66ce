package org.spaprov.device.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SyslogSenderTest {
    private static final ZonedDateTime T = ZonedDateTime.of(2026, 11, 4, 7, 1, 2, 0, ZoneOffset.UTC);

    @Test
    void formatsRfc3164() {
        assertThat(SyslogSender.format(133, T, "192.168.1.100", "SPA2102", "hello"))
                .isEqualTo("<133>Nov  4 07:01:02 192.168.1.100 SPA2102: hello");
        assertThat(SyslogSender.format(131, T.withDayOfMonth(24), "my host", "t", "a\r\nb"))
                .isEqualTo("<131>Nov 24 07:01:02 my_host t: a  b");
    }

    @Test
    void truncatesLongLinesOnCharacterBoundaries() {
        String line = SyslogSender.format(133, T, "h", "t", "é".repeat(2000));
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(SyslogSender.MAX_LINE);
        assertThat(line).endsWith("é");
    }

    @Test
    void parsesTargets() {
        assertThat(SyslogSender.parseTarget("log.example.com")).contains(unresolved("log.example.com", 514));
        assertThat(SyslogSender.parseTarget(" 10.0.0.1:1514 ")).contains(unresolved("10.0.0.1", 1514));
        assertThat(SyslogSender.parseTarget("[::1]:5514")).contains(unresolved("::1", 5514));
        assertThat(SyslogSender.parseTarget("[::1]")).contains(unresolved("::1", 514));
        assertThat(SyslogSender.parseTarget("host:0")).isEmpty();
        assertThat(SyslogSender.parseTarget("host:x")).isEmpty();
        assertThat(SyslogSender.parseTarget("[::1")).isEmpty();
        assertThat(SyslogSender.parseTarget(":514")).isEmpty();
    }

    private static InetSocketAddress unresolved(String h, int p) {
        return InetSocketAddress.createUnresolved(h, p);
    }
}
