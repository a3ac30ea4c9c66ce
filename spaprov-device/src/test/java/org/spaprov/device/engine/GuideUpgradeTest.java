package org.spaprov.device.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spaprov.device.DeviceVariables;
import org.spaprov.rules.Macros;

/** Where the emulator departed from the guide on upgrades and the URL variables (issue 10, items 1, 2, 6). */
class GuideUpgradeTest {
    private static final String OK = Rig.xml("GPP_A", "x");

    /*
     * Guide 4-8 (SPEC §4.3, G301 p70): "UPGST — upgrade state: 1 first attempt, 2 retry after failure".
     * SPEC §15.26: "$UPGST in Upgrade_Rule is the number of the attempt being made (1 first, 2 a retry…),
     * the same value the upgrade log messages show; one retry timer per kind is ever armed."
     * Guide p43: "if a remote upgrade attempt fails, the SPA retries the upgrade in 30 minutes, then again
     * after one more hour, then in two hours."
     */
    @Test
    void upgstInTheRuleIsTheAttemptBeingMadeAndRetriesWaitForUpgradeErrorRetryDelay() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "600",
                "Upgrade_Rule", "http://fw.test/up$UPGST.bin", "Upgrade_Error_Retry_Delay", "1800,3600,7200")).powerOn();
        rig.clock.advance(Duration.ofHours(4));
        assertThat(rig.log).filteredOn(l -> l.startsWith("upgrade-request")).containsExactly(
                "upgrade-request /up1.bin UPGST=1 @0", "upgrade-request /up2.bin UPGST=2 @1800",
                "upgrade-request /up2.bin UPGST=2 @5400", "upgrade-request /up2.bin UPGST=2 @12600");
        // the resync after each attempt and the periodic resyncs (every 600 s) start no attempt of their own
        assertThat(rig.requests).filteredOn(r -> r.path().startsWith("/up")).hasSize(4);
        assertThat(rig.resyncSeconds).contains(1800L, 5400L, 12600L);
        assertThat(rig.clock.pending()).as("one periodic and one upgrade-retry timer").isEqualTo(2);
    }

    @Test
    void everyFailureReplacesTheRetryTimerInsteadOfAddingOne() {
        // SPEC §15.26: "one retry timer per kind is ever armed"
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0", "Upgrade_Rule", "http://fw.test/fw.bin",
                "Upgrade_Error_Retry_Delay", "100")).powerOn();
        rig.clock.advance(Duration.ofSeconds(50));
        rig.device.upgradeNow("http://fw.test/other.bin", "");
        rig.clock.advance(Duration.ofSeconds(160));
        assertThat(rig.log).filteredOn(l -> l.startsWith("upgrade-request")).containsExactly(
                "upgrade-request /fw.bin UPGST=1 @0", "upgrade-request /other.bin UPGST=1 @50",
                "upgrade-request /fw.bin UPGST=2 @150");
        assertThat(rig.clock.pending()).isEqualTo(1);
    }

    @Test
    void aNewUpgradeRuleFromAResyncStartsAtOnceAndEndsTheOldRetries() {
        Rig rig = new Rig().put("/spa2102.cfg", OK);
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "100", "Upgrade_Rule", "http://fw.test/a.bin",
                "Upgrade_Error_Retry_Delay", "1000")).powerOn();
        rig.clock.runDue();
        rig.put("/spa2102.cfg", Rig.xml("GPP_A", "x", "Upgrade_Rule", "http://fw.test/b.bin"));
        rig.clock.advance(Duration.ofSeconds(1500));
        assertThat(rig.log).filteredOn(l -> l.startsWith("upgrade-request")).containsExactly(
                "upgrade-request /a.bin UPGST=1 @0", "upgrade-request /b.bin UPGST=1 @100",
                "upgrade-request /b.bin UPGST=2 @1100");
    }

    /*
     * Guide Appendix C: Log_Resync_Success_Msg "$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH".
     * Guide 4-8: SCHEME, SERV, SERVIP, PORT, PATH are "as obtained after parsing resync or upgrade URL" — the
     * resync's own, never those of the upgrade attempt before it.
     */
    @Test
    void aResyncThatFetchesNothingDoesNotLogTheFailedUpgradesUrl() {
        Rig rig = new Rig();
        rig.build(Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0", "Profile_Rule", "",
                "Upgrade_Rule", "http://fw.test/fw.bin", "Upgrade_Error_Retry_Delay", "0")).powerOn();
        rig.clock.runDue();
        assertThat(rig.log).containsSubsequence("resync-success", "upgrade-failure: file not found", "resync-success");
        DeviceVariables after = rig.successes.get(rig.successes.size() - 1);
        String line = Macros.expand(rig.device.param("Log_Resync_Success_Msg"), after);
        assertThat(line).startsWith("SPA2102 00:0e:08:aa:bb:cc -- Successful resync").doesNotContain("fw.bin")
                .doesNotContain("fw.test");
        assertThat(after.getOrEmpty("PATH")).isEmpty();
    }
}
