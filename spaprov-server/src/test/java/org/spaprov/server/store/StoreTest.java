package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.device.DeviceRecord.Source;
import org.spaprov.server.device.DeviceRecord;

class StoreTest {
    static final org.spaprov.server.secrets.SecretBox BOX = new org.spaprov.server.secrets.SecretBox(new byte[32]);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static DeviceRecord dev(String mac, Source src, String key) {
        return new DeviceRecord(mac, "spa2102", Optional.of("SN1"), List.of("office", "sales"),
                Optional.ofNullable(key), Map.of("sip_password", "s3cret"), src);
    }

    @Test
    void migratesH2FileAndKeepsDevicesAcrossReopen() throws Exception {
        String url = Store.h2Url(dir);
        try (Store s = Store.open(url, CLOCK, BOX)) {
            s.putDevice(dev("000e08aabbcc", Source.API, "k1"));
            assertThat(s.device("000e08aabbcc")).get().extracting(DeviceRecord::key).isEqualTo(Optional.of("k1"));
        }
        try (Store s = Store.open(url, CLOCK, BOX)) {
            DeviceRecord d = s.device("000e08aabbcc").orElseThrow();
            assertThat(d.groups()).containsExactly("office", "sales");
            assertThat(d.vars()).containsEntry("sip_password", "s3cret");
            assertThat(d.key()).contains("k1");
            assertThat(d.source()).isEqualTo(Source.API);
            assertThat((int) s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM \"flyway_schema_history\"")
                    .mapTo(Integer.class).one())).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void syncSiteDevicesReplacesSiteDevicesAndKeepsApiOnes() throws Exception {
        try (Store s = Store.open("jdbc:h2:mem:sync;DB_CLOSE_DELAY=-1", CLOCK, BOX)) {
            s.putDevice(dev("0000000000a1", Source.API, null));
            s.syncSiteDevices(List.of(dev("0000000000b1", Source.SITE, "k"), dev("0000000000b2", Source.SITE, null)));
            s.syncSiteDevices(List.of(dev("0000000000b2", Source.SITE, "new")));
            assertThat(s.devices()).extracting(DeviceRecord::mac).containsExactlyInAnyOrder("0000000000a1", "0000000000b2");
            assertThat(s.key("0000000000b2")).contains("new");
            assertThat((int) s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM device_keys").mapTo(Integer.class).one()))
                    .isEqualTo(1);
        }
    }

    @Test
    void eventsAndContactsAreWrittenInTheBackground() throws Exception {
        try (Store s = Store.open("jdbc:h2:mem:ev;DB_CLOSE_DELAY=-1", CLOCK, BOX)) {
            for (int i = 0; i < 500; i++) {
                s.record(new ProvisionEvent(CLOCK.instant(), Optional.of("000e08aabbcc"), "127.0.0.1", "http",
                        "/spa000e08aabbcc.xml", 200, i, Duration.ofMillis(2), "served"));
            }
            s.record(new ProvisionEvent(CLOCK.instant(), Optional.empty(), "127.0.0.2", "tftp", "/x", 404, 0,
                    Duration.ZERO, "unknown file"));
            s.contact(new Contact("000e08aabbcc", CLOCK.instant(), "127.0.0.1", "http",
                    Optional.of("Linksys/SPA-2102-5.2.12 (SN1)"), Optional.of("5.2.12")));
            s.contact(new Contact("000e08aabbcc", CLOCK.instant().plusSeconds(5), "127.0.0.9", "https",
                    Optional.empty(), Optional.empty()));
            s.flush();
            List<ProvisionEvent> ev = s.events(Optional.of("000e08aabbcc"), 10);
            assertThat(ev).hasSize(10);
            assertThat(ev.get(0).bytes()).isEqualTo(499);
            assertThat(ev.get(0).duration()).isEqualTo(Duration.ofMillis(2));
            assertThat(s.events(Optional.empty(), 10)).singleElement().extracting(ProvisionEvent::status).isEqualTo(404);
            Contact c = s.lastContact("000e08aabbcc").orElseThrow();
            assertThat(c.address()).isEqualTo("127.0.0.9");
            assertThat(c.protocol()).isEqualTo("https");
            assertThat(s.lastContacts(java.util.List.of("000e08aabbcc", "000e08000000")))
                    .containsOnlyKeys("000e08aabbcc");
            assertThat(s.droppedEvents()).isZero();
        }
    }

    @Test
    void unreachableDatabaseIsAClearErrorWithoutPassword() {
        assertThatThrownBy(() -> Store.open("jdbc:h2:tcp://127.0.0.1:1/nothing;PASSWORD=hunter2", CLOCK, BOX))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void recordToStringHidesSecrets() {
        assertThat(dev("000e08aabbcc", Source.SITE, "topsecret").toString()).doesNotContain("topsecret", "s3cret");
    }
}
