package org.spaprov.server.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.codec.Gzip;
import org.spaprov.server.secrets.SecretBox;
import org.spaprov.server.store.ReportTable.StoredReport;
import org.spaprov.server.store.Store;
import org.spaprov.testkit.MutableClock;

/** Reports kept per device: the newest N, parsed (gzip too), unparsable ones with their error, sealed at rest. */
class ReportIngestTest {
    private static final String MAC = "000e08aabb01";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static byte[] report(String proxy) {
        return ("<flat-profile><Proxy_1_>" + proxy + "</Proxy_1_><Password_1_>pw-secret-77</Password_1_></flat-profile>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheNewestNPerDeviceNewestFirst() throws Exception {
        try (Store s = Store.open("jdbc:h2:mem:rep1;DB_CLOSE_DELAY=-1", CLOCK, new SecretBox(new byte[32]))) {
            ReportIngest ingest = new ReportIngest(s.reports(), () -> 3);
            for (int i = 1; i <= 5; i++) {
                ingest.accepted(MAC, CLOCK.instant().plusSeconds(i), "http 127.0.0.1 r.xml", report("p" + i));
            }
            ingest.accepted("000e08aabb02", CLOCK.instant(), "tftp 127.0.0.1 r.xml", report("other"));
            List<StoredReport> kept = s.reports().list(MAC, 100);
            assertThat(kept).extracting(r -> ((ReportIngest.Parsed.Ok) ReportIngest.parse(r)).profile().value("Proxy_1_"))
                    .containsExactly("p5", "p4", "p3");
            assertThat(s.reports().list("000e08aabb02", 100)).hasSize(1);
        }
    }

    @Test
    void aReportThatDoesNotParseIsKeptWithItsErrorAndGzipParses() throws Exception {
        try (Store s = Store.open("jdbc:h2:mem:rep2;DB_CLOSE_DELAY=-1", CLOCK, new SecretBox(new byte[32]))) {
            ReportIngest ingest = new ReportIngest(s.reports(), () -> 10);
            ingest.accepted(MAC, CLOCK.instant(), "http 127.0.0.1 r.xml", Gzip.compress(report("gz")));
            assertThat(ReportIngest.parse(s.reports().latest(MAC).orElseThrow()))
                    .isInstanceOf(ReportIngest.Parsed.Ok.class);
            ingest.accepted(MAC, CLOCK.instant(), "http 127.0.0.1 r.xml", "<flat-profile><A>".getBytes(StandardCharsets.UTF_8));
            StoredReport bad = s.reports().latest(MAC).orElseThrow();
            assertThat(bad.error()).isPresent();
            assertThat(bad.content()).isPresent();
            assertThat(ReportIngest.parse(bad)).isInstanceOf(ReportIngest.Parsed.Failed.class);
        }
    }

    @Test
    void theStoredBodyIsSealed() throws Exception {
        try (Store s = Store.open("jdbc:h2:mem:rep3;DB_CLOSE_DELAY=-1", CLOCK, new SecretBox(new byte[32]))) {
            new ReportIngest(s.reports(), () -> 10).accepted(MAC, CLOCK.instant(), "http 127.0.0.1 r.xml", report("x"));
            String raw = s.jdbi().withHandle(h -> h.createQuery("SELECT body FROM reports").mapTo(String.class).one());
            assertThat(raw).startsWith(SecretBox.PREFIX).doesNotContain("pw-secret-77");
            assertThat(new String(s.reports().latest(MAC).orElseThrow().content().orElseThrow(), StandardCharsets.UTF_8))
                    .contains("pw-secret-77");
        }
    }
}
