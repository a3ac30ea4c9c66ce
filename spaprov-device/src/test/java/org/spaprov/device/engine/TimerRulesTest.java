package org.spaprov.device.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.state.StateStore;

/** Every timer rule of SPEC §7 on a virtual clock. */
class TimerRulesTest {
    private static final String OK = Rig.xml("GPP_A", "x");

    @Test
    void powerUpDelayIsUniformWithinResyncRandomDelayTimes20Seconds() {
        List<Long> delays = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            Rig rig = new Rig().put("/spa2102.cfg", OK);
            rig.build(Map.of("Resync_Random_Delay", "3", "Resync_Periodic", "0"), StateStore.NONE, seed).powerOn();
            rig.clock.runUntil(() -> !rig.resyncSeconds.isEmpty(), Duration.ofHours(1));
            delays.add(rig.fetchSeconds.get(0));
        }
        assertThat(delays).allMatch(d -> d >= 0 && d <= 60);
        assertThat(delays.stream().distinct().count()).isGreaterThan(30);
        assertThat(delays.stream().mapToLong(Long::longValue).max().getAsLong()).isGreaterThan(50);
        assertThat(delays.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThan(10);
    }

    @Test
    void zeroRandomDelayResyncsAtOnceAndResyncOnResetNoDoesNot() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0")).powerOn();
        rig.clock.runDue();
        assertThat(rig.fetchSeconds).containsExactly(0L);
        assertThat(rig.device.variables().getOrEmpty("PRVST")).isEqualTo("0");

        Rig off = new Rig().put("/spa2102.cfg", OK);
        off.build(Map.of("Resync_On_Reset", "No")).powerOn();
        off.clock.advance(Duration.ofDays(30));
        assertThat(off.fetchSeconds).isEmpty();
    }

    @Test
    void periodicScheduleProgressesAndItsLastElementRepeats() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "100,200,300")).powerOn();
        rig.clock.advance(Duration.ofSeconds(1500));
        assertThat(rig.resyncSeconds).containsExactly(0L, 100L, 300L, 600L, 900L, 1200L, 1500L);
        assertThat(rig.device.variables().getOrEmpty("PRVST")).isEqualTo("1");
    }

    @Test
    void periodicRandomPartStaysWithinBounds() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "3600+600")).powerOn();
        rig.clock.advance(Duration.ofDays(365));
        List<Long> t = rig.resyncSeconds;
        assertThat(t.size()).isBetween(365 * 24 * 3600 / 4200, 365 * 24 + 1);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i) - t.get(i - 1)).isBetween(3600L, 4200L);
        }
    }

    @Test
    void errorRetryScheduleProgressesAndResetsAfterSuccess() {
        Rig rig = new Rig().fail("/spa2102.cfg", FetchError.TIMEOUT);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "1000",
                "Resync_Error_Retry_Delay", "10,20,40")).powerOn();
        rig.clock.advance(Duration.ofSeconds(110));
        assertThat(rig.resyncSeconds).containsExactly(0L, 10L, 30L, 70L, 110L);
        assertThat(rig.device.variables().getOrEmpty("PRVST")).isEqualTo("2");
        assertThat(rig.device.variables().getOrEmpty("ERR")).isEqualTo("timeout");
        rig.put("/spa2102.cfg", OK);
        rig.clock.advance(Duration.ofSeconds(40)); // success at 150, periodic armed for 1150
        rig.fail("/spa2102.cfg", FetchError.TIMEOUT);
        rig.clock.advance(Duration.ofSeconds(1010)); // failure at 1150, retry after the FIRST element again
        assertThat(rig.resyncSeconds).endsWith(150L, 1150L, 1160L);
    }

    @Test
    void zeroErrorRetryDelayMeansNoRetry() {
        Rig rig = new Rig().fail("/spa2102.cfg", FetchError.TIMEOUT);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Error_Retry_Delay", "0")).powerOn();
        rig.clock.advance(Duration.ofDays(10));
        assertThat(rig.resyncSeconds).containsExactly(0L);
    }

    @Test
    void fileNotFoundFailsOrSucceedsPerResyncFailsOnFnf() {
        Rig fails = new Rig();
        fails.build(Map.of("Resync_Random_Delay", "0")).powerOn();
        fails.clock.runDue();
        assertThat(fails.log).contains("resync-failure: file not found");

        Rig passes = new Rig();
        passes.build(Map.of("Resync_Random_Delay", "0", "Resync_Fails_On_FNF", "No")).powerOn();
        passes.clock.runDue();
        assertThat(passes.log).contains("resync-success").doesNotContain("resync-failure: file not found");
    }

    @Test
    void triggerFiresWhenItsConditionBecomesTrue() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0",
                "Resync_Trigger_1", "$PRVTMR ge 600")).powerOn();
        rig.clock.advance(Duration.ofSeconds(1250));
        assertThat(rig.resyncSeconds).containsExactly(0L, 600L, 1200L);
        assertThat(rig.device.variables().getOrEmpty("PRVST")).isEqualTo("1");
    }

    @Test
    void emptyTriggersNeverFire() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0")).powerOn();
        rig.clock.advance(Duration.ofDays(3));
        assertThat(rig.resyncSeconds).containsExactly(0L);
        assertThat(rig.clock.pending()).isZero(); // no per-second polling when there is nothing to poll
    }

    @Test
    void busyLineDefersResyncUntilIdle() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        Device d = rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "100"));
        d.powerOn();
        rig.clock.runDue();
        d.setLineBusy(1, true);
        rig.clock.advance(Duration.ofSeconds(150));
        assertThat(rig.resyncSeconds).containsExactly(0L);
        assertThat(d.state()).isEqualTo(EngineState.RESYNC_DUE);
        d.setLineBusy(1, false);
        rig.clock.runDue();
        assertThat(rig.resyncSeconds).containsExactly(0L, 150L);
    }

    @Test
    void forcedResyncDelayEndsTheWaitWhileStillBusy() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        Device d = rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "100",
                "Forced_Resync_Delay", "50"));
        d.powerOn();
        rig.clock.runDue();
        d.setLineBusy(2, true);
        rig.clock.advance(Duration.ofSeconds(149));
        assertThat(rig.resyncSeconds).containsExactly(0L);
        rig.clock.advance(Duration.ofSeconds(1));
        assertThat(rig.resyncSeconds).containsExactly(0L, 150L);
    }

    @Test
    void aRebootForChangedValuesWaitsForIdleLines() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        Device d = rig.build(Map.of("Resync_Random_Delay", "10", "Resync_Periodic", "0"));
        d.setLineBusy(1, true);
        d.powerOn();
        rig.clock.advance(Duration.ofSeconds(200 + 14400)); // due resync forced after Forced_Resync_Delay
        assertThat(rig.log).containsSubsequence("resync-success").doesNotContain("reboot");
        assertThat(d.state()).isEqualTo(EngineState.REBOOT_DUE);
        d.setLineBusy(1, false);
        rig.clock.runDue();
        assertThat(rig.log).endsWith("resync-success", "reboot", "boot spa2102 000e08aabbcc 5.2.12");
    }

    @Test
    void upgradeRetryFollowsItsScheduleWithUpgst2() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0",
                "Resync_After_Upgrade_Attempt", "No", "Upgrade_Rule", "http://fw.test/fw.bin",
                "Upgrade_Error_Retry_Delay", "30,60")).powerOn();
        rig.clock.advance(Duration.ofSeconds(200));
        assertThat(rig.log).filteredOn(l -> l.startsWith("upgrade-request")).containsExactly(
                "upgrade-request /fw.bin UPGST=1 @0", "upgrade-request /fw.bin UPGST=2 @30",
                "upgrade-request /fw.bin UPGST=2 @90", "upgrade-request /fw.bin UPGST=2 @150");
        assertThat(rig.device.variables().getOrEmpty("UPGERR")).isEqualTo("file not found");
    }

    @Test
    void downgradeRevLimitRejectsOlderLoadsAndKeepsTheRunningVersion() {
        Rig rig = new Rig().put("/spa2102.cfg", OK)
                .put("/old.bin", org.spaprov.profile.firmware.FirmwareImage.make("spa2102", "5.1.0", new byte[100]))
                .put("/new.bin", org.spaprov.profile.firmware.FirmwareImage.make("spa2102", "5.3.0", new byte[100]));
        Device d = rig.build(Map.of("Resync_Random_Delay", "0", "Downgrade_Rev_Limit", "5.2.0",
                "Upgrade_Rule", "http://fw.test/old.bin"));
        d.powerOn();
        rig.clock.runDue();
        assertThat(rig.log).contains("upgrade-failure: upgrade rejected by Downgrade_Rev_Limit");
        assertThat(d.firmwareVersion()).isEqualTo("5.2.12");
        d.upgradeNow("http://fw.test/new.bin", "");
        rig.clock.runDue();
        assertThat(d.firmwareVersion()).isEqualTo("5.3.0");
        assertThat(rig.log).contains("upgrade-success 5.3.0", "boot spa2102 000e08aabbcc 5.3.0");
    }
}
