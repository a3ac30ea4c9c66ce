package org.spaprov.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.e2e.E2eSite.TFTP_KEYED;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.server.feedback.drift.Drift;
import org.spaprov.server.feedback.drift.DriftService;
import org.spaprov.server.store.ReportTable.StoredReport;

/**
 * The report and drift loop against the real server (issue 11): an emulated SPA2102 whose profile sets
 * {@code Report_Rule = [--key $SA] http://…/report-$MA.xml} resyncs and reports; its report is kept
 * (decrypted with its key) and shows no drift; a layer edit makes the changed parameter drift until the
 * device resyncs and reports again. Devices run on a virtual clock: {@code advance} runs every due task
 * (downloads and uploads included) on the test thread, so nothing waits on wall time.
 */
class ReportDriftEndToEndTest {
    @TempDir
    static Path dir;
    static E2eSite site;

    @BeforeAll
    static void start() throws Exception {
        site = E2eSite.start(dir);
        // The device's key in GPP_SA too, so its reports are encrypted with it ([--key $SA]).
        Files.writeString(dir.resolve("layers/device/" + TFTP_KEYED + ".xml"), """
                <flat-profile>
                  <Profile_Rule>[--key $B] tftp://127.0.0.1:%d/spa$MA.cfg</Profile_Rule>
                  <GPP_SA ua="na">{{ device.key }}</GPP_SA>
                  <Report_Rule>[--key $SA] http://127.0.0.1:%d/report-$MA.xml</Report_Rule>
                </flat-profile>
                """.formatted(site.tftpPort(), site.httpPort()), StandardCharsets.UTF_8);
        assertThat(site.core.reloadNow()).as(site.core.siteError().orElse("")).isTrue();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void driftIsEmptyAfterAResyncAndNamesALayerEditUntilTheNextResync() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = Device.builder(new DeviceIdentity("spa2102", TFTP_KEYED, "E2E0003", null, Optional.empty()))
                .firmware("5.2.12").scheduler(clock).random(RandomGenerator.of("L64X128MixRandom"))
                .tls(new TlsSettings(List.of(site.caCert()), Optional.empty(), HostResolver.SYSTEM))
                .events(log).observer(log).set("Resync_Random_Delay", "0")
                .set("GPP_B", E2eSite.KEY3).set("Profile_Rule", "[--key $B] tftp://127.0.0.1:" + site.tftpPort()
                        + "/spa$MA.cfg")
                .build();
        DriftService drift = new DriftService(site.core);
        assertThat(drift.of(TFTP_KEYED)).as("no report yet").isEmpty();

        d.powerOn();
        clock.advance(Duration.ZERO);
        assertThat(log.lines().getLast()).isEqualTo("resync-success");
        d.sendReport();
        clock.advance(Duration.ZERO);

        List<StoredReport> kept = site.core.store().reports().list(TFTP_KEYED, 10);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().source()).startsWith("http 127.0.0.1 report-" + TFTP_KEYED + ".xml");
        assertThat(kept.getFirst().error()).isEmpty();
        assertThat(new String(kept.getFirst().content().orElseThrow(), StandardCharsets.UTF_8))
                .contains("<Proxy_1_").doesNotContain("Salted__");
        Drift before = drift.of(TFTP_KEYED).orElseThrow();
        assertThat(before.error()).isEmpty();
        assertThat(before.drift()).isEmpty();
        assertThat(drift.count(TFTP_KEYED)).hasValue(0);

        Path global = dir.resolve("layers/global.xml");
        Files.writeString(global, Files.readString(global).replace("sip.example.net", "sip2.example.net"));
        assertThat(site.core.reloadNow()).isTrue();
        assertThat(drift.of(TFTP_KEYED).orElseThrow().drift())
                .containsExactly(new Drift.Entry("Proxy_1_", "sip2.example.net", "sip.example.net"));
        assertThat(drift.count(TFTP_KEYED)).hasValue(1);

        d.resyncNow(Optional.empty(), "test");
        clock.advance(Duration.ZERO);
        assertThat(drift.count(TFTP_KEYED)).as("not reported since the resync").hasValue(1);
        d.sendReport();
        clock.advance(Duration.ZERO);
        assertThat(site.core.store().reports().list(TFTP_KEYED, 10)).hasSize(2);
        assertThat(drift.of(TFTP_KEYED).orElseThrow().drift()).isEmpty();
    }
}
