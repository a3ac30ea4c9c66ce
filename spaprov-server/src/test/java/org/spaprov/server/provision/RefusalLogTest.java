package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;

/** Issue 9 row 7: failed requests log one line per address, status and minute, then say how many were left out. */
class RefusalLogTest {
    @Test
    void oneLinePerAddressStatusAndMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        RefusalLog log = new RefusalLog(clock);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            log.log("192.0.2.1", 404, more -> lines.add("a 404" + more));
        }
        log.log("192.0.2.1", 403, more -> lines.add("a 403" + more));
        log.log("192.0.2.2", 404, more -> lines.add("b 404" + more));
        assertThat(lines).containsExactly("a 404", "a 403", "b 404");
        clock.advance(Duration.ofMinutes(1));
        log.log("192.0.2.1", 404, more -> lines.add("a 404" + more));
        log.log("192.0.2.1", 404, more -> lines.add("a 404" + more));
        assertThat(lines).containsExactly("a 404", "a 403", "b 404", "a 404 (999 like it left out)");
    }
}
