package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.device.DeviceRecord;

/**
 * What the admin API's writes and event paging need from the store, on H2 here and on PostgreSQL in
 * {@link StorePostgresTest}: {@link Store#putDevices} stores all or nothing, and {@link Store#eventPage}
 * pages after an id.
 */
class StoreBatchAndPagesTest {
    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (Store s = Store.open(Store.h2Url(dir), Clock.systemUTC(), StoreTest.BOX)) {
            check(s);
        }
    }

    /** The checks, on a fresh store. */
    static void check(Store s) {
        DeviceRecord a = device("000e08ab0001");
        DeviceRecord b = device("000e08ab0002");
        s.putDevices(List.of(a, b));
        assertThat(s.devices()).extracting(DeviceRecord::mac).contains(a.mac(), b.mac());
        // A batch that fails half-way (a model longer than its column) leaves nothing behind.
        DeviceRecord tooLong = new DeviceRecord("000e08ab0004", "m".repeat(100), Optional.empty(), List.of(),
                Optional.empty(), Map.of(), DeviceRecord.Source.API);
        assertThatThrownBy(() -> s.putDevices(List.of(device("000e08ab0003"), tooLong))).isInstanceOf(RuntimeException.class);
        assertThat(s.device("000e08ab0003")).isEmpty();
        int rows = s.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM devices WHERE mac = '000e08ab0003'")
                .mapTo(Integer.class).one());
        assertThat(rows).isZero();

        Clock clock = s.clock();
        for (int i = 0; i < 5; i++) {
            s.record(new ProvisionEvent(clock.instant(), Optional.of(i % 2 == 0 ? a.mac() : b.mac()), "127.0.0.1", "http",
                    "/f" + i, 200, 1, Duration.ZERO, "served"));
        }
        s.flush();
        List<StoredEvent> newest = s.eventPage(Optional.empty(), OptionalLong.empty(), 3);
        assertThat(newest).extracting(e -> e.event().file()).containsExactly("/f4", "/f3", "/f2");
        long before = newest.get(2).id();
        assertThat(s.eventPage(Optional.empty(), OptionalLong.of(before), 10)).extracting(e -> e.event().file())
                .containsExactly("/f3", "/f4");
        assertThat(s.eventPage(Optional.of(a.mac()), OptionalLong.of(0), 10)).extracting(e -> e.event().file())
                .containsExactly("/f0", "/f2", "/f4");
        assertThat(s.eventPage(Optional.of(b.mac()), OptionalLong.empty(), 1)).extracting(e -> e.event().file())
                .containsExactly("/f3");
    }

    private static DeviceRecord device(String mac) {
        return new DeviceRecord(mac, "spa2102", Optional.empty(), List.of(), Optional.of("k-" + mac), Map.of("v", "1"),
                DeviceRecord.Source.API);
    }
}
