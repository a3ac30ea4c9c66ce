package org.spaprov.device.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.state.BuiltinModel;

class FleetTest {
    private static final HostResolver LOOP = h -> List.of(InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1}));

    @Test
    void aStormOfDevicesIsCountedBySuccessAndErr() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        byte[] xml = "<flat-profile><GPP_A>ok</GPP_A></flat-profile>".getBytes(StandardCharsets.UTF_8);
        Transport server = r -> r.path().matches("/spa[0-9a-f]{11}[13579bdf]\\.xml")
                ? new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "odd")
                : new FetchResult.Ok(xml, r.addresses().get(0));
        Fleet.Config cfg = new Fleet.Config(1000, "00:00:00:00:00:00", BuiltinModel.find("spa2102").orElseThrow(),
                Map.of("Profile_Rule", "http://prov.test/spa$MA.xml", "Resync_Periodic", "0"), "5.2.12", null,
                new TlsSettings(List.of(), java.util.Optional.empty(), LOOP), null, 16, 7);
        Fleet fleet = new Fleet(cfg, clock, server);
        fleet.powerOnAll();
        clock.advance(Duration.ofSeconds(39));
        assertThat(fleet.devicesDone()).isBetween(800L, 999L); // Resync_Random_Delay 2 = 40 s spread
        clock.advance(Duration.ofSeconds(1));
        FleetSummary s = fleet.summary();
        assertThat(s.devicesDone()).isEqualTo(1000);
        assertThat(s.successes()).isEqualTo(500);
        assertThat(s.failures()).containsExactly(Map.entry("file not found", 500L));
        assertThat(s.requests()).isEqualTo(1000);
        assertThat(fleet.device(999).mac()).isEqualTo("0000000003e7");
        assertThat(fleet.device(2).param("GPP_A")).isEqualTo("ok");
        assertThat(fleet.device(3).param("GPP_A")).isEmpty();
        // the fleet's settings are shared defaults, not per-device copies
        assertThat(fleet.device(3).persistentState().params().values()).isEmpty();
        assertThat(fleet.awaitAllDone(Duration.ZERO)).isTrue();
    }

    @Test
    void tenThousandIdleDevicesFitInAFewKilobytesEach() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        Transport server = r -> new FetchResult.Ok("<flat-profile><GPP_A>x</GPP_A><User_ID_1_>u</User_ID_1_></flat-profile>"
                .getBytes(StandardCharsets.UTF_8), r.addresses().get(0));
        Fleet.Config cfg = new Fleet.Config(10_000, "000e08000000", BuiltinModel.find("spa2102").orElseThrow(),
                Map.of("Profile_Rule", "http://prov.test/$MA.xml", "Resync_Random_Delay", "0"), "5.2.12", null,
                new TlsSettings(List.of(), java.util.Optional.empty(), LOOP), null, 64, 1);
        long before = heapAfterGc();
        Fleet fleet = new Fleet(cfg, clock, server);
        fleet.powerOnAll();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fleet.devicesDone()).isEqualTo(10_000);
        long per = (heapAfterGc() - before) / 10_000;
        assertThat(per).as("bytes per device").isLessThan(20_000); // 100k devices must fit in -Xmx2g
        assertThat(fleet.size()).isEqualTo(10_000);
    }

    private static long heapAfterGc() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
