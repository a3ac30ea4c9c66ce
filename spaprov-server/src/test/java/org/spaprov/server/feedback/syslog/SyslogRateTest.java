package org.spaprov.server.feedback.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;

/** Syslog rate: per source address and in total, on a virtual clock. */
class SyslogRateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static int admitted(SyslogRate r, String address, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            n += r.admit(address) ? 1 : 0;
        }
        return n;
    }

    @Test
    void oneAddressGetsItsBurstThenItsRateAndOthersAreUnaffected() {
        SyslogRate r = new SyslogRate(clock, 5, 1000);
        assertThat(admitted(r, "10.0.0.1", 100)).isEqualTo(10); // a burst of twice the rate
        assertThat(admitted(r, "10.0.0.2", 3)).isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(admitted(r, "10.0.0.1", 100)).isEqualTo(5);
    }

    @Test
    void theTotalBoundsManyAddresses() {
        SyslogRate r = new SyslogRate(clock, 5, 10);
        int n = 0;
        for (int a = 0; a < 50; a++) {
            n += admitted(r, "10.0.1." + a, 5);
        }
        assertThat(n).isEqualTo(20);
        clock.advance(Duration.ofMillis(500));
        assertThat(admitted(r, "10.0.2.1", 10)).isEqualTo(5);
    }
}
