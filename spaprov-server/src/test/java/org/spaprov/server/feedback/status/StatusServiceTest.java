package org.spaprov.server.feedback.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.site.FirmwareCatalog;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.StatusTable;
import org.spaprov.testkit.MutableClock;

/** How status is put together: stale from the layers' resync timers, the applied state, the firmware. */
class StatusServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    private static Layer layer(String xml) throws Exception {
        return layer(xml, "layers/global.xml");
    }

    /** File names are unique in a site (the fingerprint's cache relies on it). */
    private static Layer layer(String xml, String file) throws Exception {
        return Layer.read(("<flat-profile>" + xml + "</flat-profile>").getBytes(StandardCharsets.UTF_8), file);
    }

    private StatusService service(Layer global, Map<String, Layer> groups) {
        Site site = site(global, groups);
        return new StatusService(() -> site, clock);
    }

    private static Site site(Layer global, Map<String, Layer> groups) {
        return new Site(Path.of("/site"), org.spaprov.server.site.ServerConfigReader.defaults(Path.of("/site"), Path.of("/data")), Optional.of(global), Optional.empty(),
                Map.of(), groups, Map.of(), Map.of(), FirmwareCatalog.empty(), 1);
    }

    private static DeviceRecord device(List<String> groups) {
        return new DeviceRecord("000e08aabb01", "spa2102", Optional.empty(), groups, Optional.empty(), Map.of(),
                DeviceRecord.Source.SITE);
    }

    private static Optional<Contact> contactAt(Instant at, String ua, String fw) {
        return Optional.of(new Contact("000e08aabb01", at, "10.0.0.1", "http", Optional.of(ua), Optional.of(fw)));
    }

    @Test
    void staleAfterTwiceThePeriodPlusTheRandomDelayOfTheLayerThatWins() throws Exception {
        StatusService s = service(layer("<Resync_Periodic>3600</Resync_Periodic><Resync_Random_Delay>600"
                + "</Resync_Random_Delay>"), Map.of("fast", layer("<Resync_Periodic>60</Resync_Periodic>", "layers/group/fast.xml")));
        Optional<Contact> seen = contactAt(T0, "Linksys/SPA-2102-5.2.12 (SN1)", "5.2.12");
        DeviceRecord plain = device(List.of());
        DeviceRecord fast = device(List.of("fast"));
        assertThat(s.staleAfter(plain)).hasValue(Duration.ofSeconds(2 * (3600 + 600)));
        assertThat(s.staleAfter(fast)).hasValue(Duration.ofSeconds(2 * (60 + 600)));

        clock.advance(Duration.ofSeconds(2 * 660 + 1));
        assertThat(s.of(fast, seen, Optional.empty()).stale()).isTrue();
        assertThat(s.of(plain, seen, Optional.empty()).stale()).isFalse();
        assertThat(s.of(plain, Optional.empty(), Optional.empty()).stale()).as("never seen").isFalse();
        clock.advance(Duration.ofHours(3));
        assertThat(s.of(plain, seen, Optional.empty()).stale()).isTrue();
    }

    @Test
    void periodicResyncOffIsNeverStale() throws Exception {
        StatusService s = service(layer("<Resync_Periodic>0</Resync_Periodic>"), Map.of());
        clock.advance(Duration.ofDays(400));
        assertThat(s.of(device(List.of()), contactAt(T0, "x", "1"), Optional.empty()).stale()).isFalse();
    }

    @Test
    void appliedGoesPendingServedAcknowledgedAndFirmwareFollowsTheNewestSource() throws Exception {
        StatusService s = service(layer(""), Map.of());
        DeviceRecord d = device(List.of());
        Optional<Contact> c = contactAt(T0, "Linksys/SPA-2102-5.2.12 (SN1)", "5.2.12");
        assertThat(s.of(d, c, Optional.empty()).applied().state()).isEqualTo("pending");

        StatusTable.Row served = new StatusTable.Row(d.mac(), Optional.of(T0), Optional.of("\"abc\""), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        DeviceStatus st = s.of(d, c, Optional.of(served));
        assertThat(st.applied()).isEqualTo(new DeviceStatus.Applied("served", "\"abc\"", T0.toString()));
        assertThat(st.lastResync().source()).isEqualTo("request");

        StatusTable.Outcome ok = new StatusTable.Outcome(T0.plusSeconds(5), true, Optional.empty(), "syslog");
        StatusTable.Outcome upgraded = new StatusTable.Outcome(T0.plusSeconds(9), true, Optional.empty(), "syslog");
        StatusTable.Row acked = new StatusTable.Row(d.mac(), Optional.of(T0), Optional.of("\"abc\""), Optional.empty(), Optional.of(ok),
                Optional.of(upgraded), Optional.of("5.3.0"));
        st = s.of(d, c, Optional.of(acked));
        assertThat(st.applied().state()).isEqualTo("acknowledged");
        assertThat(st.lastResync()).isEqualTo(new DeviceStatus.Outcome(ok.at().toString(), "ok", null, "syslog"));
        assertThat(st.firmware()).as("upgraded after its last request").isEqualTo("5.3.0");
        Optional<Contact> later = contactAt(T0.plusSeconds(60), "Linksys/SPA-2102-5.3.1 (SN1)", "5.3.1");
        assertThat(s.of(d, later, Optional.of(acked)).firmware()).isEqualTo("5.3.1");

        StatusTable.Outcome failedBefore = new StatusTable.Outcome(T0.minusSeconds(5), false, Optional.of("timeout"),
                "syslog");
        StatusTable.Row old = new StatusTable.Row(d.mac(), Optional.of(T0), Optional.of("\"abc\""),
                Optional.empty(), Optional.of(failedBefore), Optional.empty(), Optional.empty());
        assertThat(s.of(d, c, Optional.of(old)).applied().state()).as("a line before the fetch").isEqualTo("served");
    }

    @Test
    void aLayerEditAfterTheFetchMakesItPendingAgain() throws Exception {
        DeviceRecord d = device(List.of("office"));
        Site before = site(layer("<Resync_Periodic>60</Resync_Periodic>"),
                Map.of("office", layer("<Dial_Plan_1_>(xx.)</Dial_Plan_1_>", "layers/group/office.xml")));
        Site after = site(layer("<Resync_Periodic>60</Resync_Periodic>"),
                Map.of("office", layer("<Dial_Plan_1_>(1xx.)</Dial_Plan_1_>", "layers/group/office.xml"))).withGeneration(2);
        String fetched = new org.spaprov.server.provision.ProfileInputs().of(before, d);
        assertThat(new org.spaprov.server.provision.ProfileInputs().of(after, d)).isNotEqualTo(fetched);
        StatusTable.Row row = new StatusTable.Row(d.mac(), Optional.of(T0), Optional.of("\"abc\""),
                Optional.of(fetched), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(new StatusService(() -> before, clock).of(d, Optional.empty(), Optional.of(row)).applied().state())
                .isEqualTo("served");
        assertThat(new StatusService(() -> after, clock).of(d, Optional.empty(), Optional.of(row)).applied())
                .isEqualTo(new DeviceStatus.Applied("pending", "\"abc\"", T0.toString()));
        // another group's edit does not touch this device
        Site other = site(layer("<Resync_Periodic>60</Resync_Periodic>"), Map.of("office",
                layer("<Dial_Plan_1_>(xx.)</Dial_Plan_1_>", "layers/group/office.xml"), "lab", layer("<Dial_Plan_1_>(9xx.)</Dial_Plan_1_>", "layers/group/lab.xml")))
                .withGeneration(3);
        assertThat(new StatusService(() -> other, clock).of(d, Optional.empty(), Optional.of(row)).applied().state())
                .isEqualTo("served");
    }

    /** Issue 11: acknowledged → verified or drifted, by the device's next report after the fetch. */
    @Test
    void aReportAfterTheFetchMakesItVerifiedOrDrifted() throws Exception {
        Site site = site(layer(""), Map.of());
        DeviceRecord d = device(List.of());
        StatusTable.Outcome ok = new StatusTable.Outcome(T0.plusSeconds(5), true, Optional.empty(), "syslog");
        StatusTable.Row acked = new StatusTable.Row(d.mac(), Optional.of(T0), Optional.of("\"abc\""), Optional.empty(),
                Optional.of(ok), Optional.empty(), Optional.empty());
        Map<String, Optional<LatestReports.Verdict>> reports = new java.util.HashMap<>();
        StatusService s = new StatusService(() -> site, clock, mac -> reports.getOrDefault(mac, Optional.empty()));

        assertThat(s.of(d, Optional.empty(), Optional.of(acked)).applied().state()).isEqualTo("acknowledged");
        reports.put(d.mac(), Optional.of(new LatestReports.Verdict(T0.minusSeconds(60), 0)));
        assertThat(s.of(d, Optional.empty(), Optional.of(acked)).applied().state()).as("a report older than the fetch")
                .isEqualTo("acknowledged");
        reports.put(d.mac(), Optional.of(new LatestReports.Verdict(T0.plusSeconds(30), 0)));
        assertThat(s.of(d, Optional.empty(), Optional.of(acked)).applied().state()).isEqualTo("verified");
        reports.put(d.mac(), Optional.of(new LatestReports.Verdict(T0.plusSeconds(30), 2)));
        assertThat(s.of(d, Optional.empty(), Optional.of(acked)).applied().state()).isEqualTo("drifted");
    }
}
