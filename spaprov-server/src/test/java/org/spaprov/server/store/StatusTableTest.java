package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.store.StatusTable.Outcome;
import org.spaprov.testkit.MutableClock;

/** Device status rows and raw device log lines in the store (H2; V4 also runs on PostgreSQL in StorePostgresTest). */
class StatusTableTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void keepsTheLatestOutcomesAndTheServedProfile() throws Exception {
        try (Store s = Store.open(Store.h2Url(dir), clock, StoreTest.BOX)) {
            StatusTable t = s.status();
            assertThat(t.row("000e08aabb01")).isEmpty();
            t.served("000e08aabb01", "\"e1\"", "f1");
            t.flush();
            t.resync("000e08aabb01", new Outcome(clock.instant(), false, Optional.of("file not found"), "syslog"));
            t.upgrade("000e08aabb01", new Outcome(clock.instant(), true, Optional.empty(), "syslog"), Optional.of("5.3.0"));
            t.resync("000e08aabb01", new Outcome(clock.instant().plusSeconds(1), true, Optional.of(" "), "syslog"));
            StatusTable.Row r = t.row("000e08aabb01").orElseThrow();
            assertThat(r.servedHash()).hasValue("\"e1\"");
            assertThat(r.servedInputs()).hasValue("f1");
            assertThat(r.resync()).hasValue(new Outcome(clock.instant().plusSeconds(1), true, Optional.empty(), "syslog"));
            assertThat(r.upgrade().orElseThrow().ok()).isTrue();
            assertThat(r.firmware()).hasValue("5.3.0");
            assertThat(t.rows(List.of("000e08aabb01", "000e08aabb09"))).containsOnlyKeys("000e08aabb01");
        }
    }

    @Test
    void findsTheDeviceLastSeenAtAnAddress() throws Exception {
        try (Store s = Store.open(Store.h2Url(dir), clock, StoreTest.BOX)) {
            s.putDevice(new DeviceRecord("000e08aabb01", "spa2102", Optional.empty(), List.of(), Optional.empty(),
                    Map.of(), DeviceRecord.Source.API));
            s.contact(new Contact("000e08aabb01", clock.instant(), "10.0.0.9", "http", Optional.empty(), Optional.empty()));
            s.flush();
            assertThat(s.status().macAt("10.0.0.9")).hasValue("000e08aabb01");
            assertThat(s.status().macAt("10.0.0.8")).isEmpty();
        }
    }

    @Test
    void rawLinesArePrunedByAgeAndRowsWithTheEvents() throws Exception {
        try (Store s = Store.open(Store.h2Url(dir), clock, StoreTest.BOX)) {
            StatusTable t = s.status();
            t.log(Optional.of("000e08aabb01"), "10.0.0.9", "old line");
            clock.advance(Duration.ofDays(2));
            for (int i = 0; i < 5; i++) {
                t.log(Optional.of("000e08aabb01"), "10.0.0.9", "line " + i);
            }
            t.log(Optional.empty(), "10.0.0.7", "x".repeat(5000));
            s.retain(new Retention(Duration.ofDays(1), 3));
            s.prune();
            assertThat(t.logLines("000e08aabb01", 10)).extracting(StatusTable.LogLine::line)
                    .containsExactly("line 4", "line 3");
        }
    }
}
