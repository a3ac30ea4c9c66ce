package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;

/** Issue 9 row 7: repeated refusals are one event per address, status and minute; retention by age and rows. */
class EventRetentionTest {
    private static final AtomicInteger DB = new AtomicInteger();

    private static Store open(java.time.Clock clock) throws Exception {
        return Store.open("jdbc:h2:mem:retention" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1", clock, StoreTest.BOX);
    }

    private static ProvisionEvent event(Instant at, String address, int status) {
        return new ProvisionEvent(at, Optional.empty(), address, "http", "/spa0000000000ff.cfg", status, 0,
                Duration.ZERO, status == 404 ? "unknown device" : "served");
    }

    @Test
    void aFloodOfRefusalsIsOneCountedEventPerAddressStatusAndMinute() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-03-01T10:00:05Z"));
        try (Store s = open(clock)) {
            for (int i = 0; i < 500; i++) {
                s.record(event(clock.instant(), "192.0.2.1", 404));
            }
            s.flush();
            for (int i = 0; i < 250; i++) {
                s.record(event(clock.instant(), "192.0.2.1", 404));
            }
            s.record(event(clock.instant(), "192.0.2.1", 429));
            s.record(event(clock.instant(), "192.0.2.2", 404));
            s.record(event(clock.instant(), "192.0.2.3", 200));
            s.record(event(clock.instant(), "192.0.2.3", 200));
            s.flush();
            assertThat(s.recentEvents(100)).extracting(e -> e.address() + " " + e.status() + " x" + e.count())
                    .containsExactlyInAnyOrder("192.0.2.1 404 x750", "192.0.2.1 429 x1", "192.0.2.2 404 x1",
                            "192.0.2.3 200 x1", "192.0.2.3 200 x1");
            clock.advance(Duration.ofMinutes(1));
            s.record(event(clock.instant(), "192.0.2.1", 404));
            s.flush();
            assertThat(s.recentEvents(100)).filteredOn(e -> e.status() == 404 && e.address().equals("192.0.2.1"))
                    .extracting(ProvisionEvent::count).containsExactly(1, 750);
            assertThat(s.droppedEvents()).isZero();
        }
    }

    @Test
    void eventsOlderThanKeepAndBeyondMaxRowsArePruned() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (Store s = open(clock)) {
            s.retain(new Retention(Duration.ofDays(30), 1_000));
            s.record(event(clock.instant(), "192.0.2.9", 200));
            s.flush();
            clock.advance(Duration.ofDays(31));
            for (int i = 0; i < 1_200; i++) {
                s.record(event(clock.instant(), "192.0.2.10", 200));
            }
            s.flush();
            s.prune();   // the writer may have pruned already: it does once a minute of the clock
            assertThat(s.recentEvents(5_000)).hasSize(1_000).allMatch(e -> e.address().equals("192.0.2.10"));
            assertThat(s.prune()).isZero();
        }
    }
}
