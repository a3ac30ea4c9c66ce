package org.spaprov.device.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.state.DirectoryStateStore;
import org.spaprov.profile.Access;

/** Profile_Rule sequence, apply and reboot rules (SPEC §6.5, §7.6, §15.10). */
class ResyncBehaviourTest {
    private static final Map<String, String> QUIET = Map.of("Resync_Random_Delay", "0", "Resync_Periodic", "0",
            "Resync_Error_Retry_Delay", "100");

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void rulesRunInOrderAndLaterFilesWin() {
        Rig rig = new Rig().put("/a.xml", Rig.xml("GPP_A", "a", "GPP_B", "a"))
                .put("/b.xml", Rig.xml("GPP_B", "b"))
                .put("/d.xml", Rig.xml("GPP_D", "$A-literal"));
        Device d = rig.build(with(QUIET, "Profile_Rule", "http://p.test/a.xml", "Profile_Rule_B",
                "http://p.test:8080/b.xml", "Profile_Rule_C", "", "Profile_Rule_D", "tftp://p.test/d.xml"));
        d.powerOn();
        rig.clock.runDue();
        assertThat(rig.log).containsSubsequence("boot spa2102 000e08aabbcc 5.2.12",
                "resync-request http://p.test:80/a.xml", "resync-request http://p.test:8080/b.xml",
                "resync-request tftp://p.test:69/d.xml", "resync-success", "reboot", "boot spa2102 000e08aabbcc 5.2.12");
        assertThat(d.param("GPP_A")).isEqualTo("a");
        assertThat(d.param("GPP_B")).isEqualTo("b");
        assertThat(d.param("GPP_D")).isEqualTo("$A-literal"); // values in profiles are not macro-expanded
        assertThat(rig.requests.get(0).userAgent()).isEqualTo("Linksys/SPA-2102-5.2.12 (SN0E08AABBCC)");
        // the reboot for changed values does not resync on reset
        rig.clock.advance(Duration.ofDays(1));
        assertThat(rig.requests).hasSize(3);
    }

    @Test
    void variablesOfSection43() {
        Rig rig = new Rig().put("/spa2102.cfg", Rig.xml("GPP_A", ""));
        Device d = rig.build(with(QUIET, "User_ID_1_", "1001"));
        d.powerOn();
        rig.clock.runDue();
        rig.clock.advance(Duration.ofSeconds(125));
        var v = d.variables();
        assertThat(v.getOrEmpty("MA")).isEqualTo("000e08aabbcc");
        assertThat(v.getOrEmpty("MAU")).isEqualTo("000E08AABBCC");
        assertThat(v.getOrEmpty("MAC")).isEqualTo("00:0e:08:aa:bb:cc");
        assertThat(v.getOrEmpty("PN")).isEqualTo("SPA2102");
        assertThat(v.getOrEmpty("PSN")).isEqualTo("2102");
        assertThat(v.getOrEmpty("SWVER")).isEqualTo("5.2.12");
        assertThat(v.getOrEmpty("CCERT")).isEqualTo("Not Installed");
        assertThat(v.getOrEmpty("PRVTMR")).isEqualTo("125");
        assertThat(v.getOrEmpty("PRVST")).isEqualTo("0");
        assertThat(v.getOrEmpty("UID1")).isEqualTo("1001");
        assertThat(v.getOrEmpty("SCHEME")).isEqualTo("tftp");
        assertThat(v.getOrEmpty("PORT")).isEqualTo("69");
        assertThat(v.get("SA")).isEmpty(); // only inside --key
    }

    @Test
    void aValueOfTheWrongTypeIsSkippedAndTheRestOfTheFileApplies() {
        Rig rig = new Rig().put("/spa2102.cfg", Rig.xml("Resync_Periodic", "often", "Line_Enable_1_", "maybe",
                "GPP_A", "kept", "Resync_Error_Retry_Delay", "60"));
        Device d = rig.build(QUIET);
        d.powerOn();
        rig.clock.runDue();
        assertThat(rig.log).contains("resync-success");
        assertThat(d.param("GPP_A")).isEqualTo("kept");
        assertThat(d.param("Resync_Error_Retry_Delay")).isEqualTo("60");
        assertThat(d.param("Resync_Periodic")).isEqualTo("0");
        assertThat(d.param("Line_Enable_1_")).isEqualTo("Yes");
    }

    @Test
    void noRebootWhenNothingChanged() {
        Rig rig = new Rig().put("/spa2102.cfg", Rig.xml("GPP_A", ""));
        rig.build(QUIET).powerOn();
        rig.clock.runDue();
        assertThat(rig.log).containsExactly("boot spa2102 000e08aabbcc 5.2.12",
                "resync-request tftp://tftp.test:69/spa2102.cfg", "resync-success");
    }

    @Test
    void aFailureRestartsTheSequenceFromTheBeginning() {
        Rig rig = new Rig().put("/a.xml", Rig.xml("GPP_A", "1")).fail("/b.xml", FetchError.HTTP_GET_FAILED);
        Device d = rig.build(with(QUIET, "Profile_Rule", "http://p.test/a.xml", "Profile_Rule_B", "http://p.test/b.xml"));
        d.powerOn();
        rig.clock.advance(Duration.ofSeconds(100));
        assertThat(rig.requests).extracting(r -> r.path()).containsExactly("/a.xml", "/b.xml", "/a.xml", "/b.xml");
        assertThat(rig.log).contains("resync-failure: http_get failed").doesNotContain("reboot");
        assertThat(d.param("GPP_A")).isEqualTo("1"); // applied per file, kept
        assertThat(rig.failures.get(0).getOrEmpty("PRVST")).isEqualTo("0");
        assertThat(rig.failures.get(1).getOrEmpty("PRVST")).isEqualTo("2");
    }

    @Test
    void corruptOrHostileFilesFailAndLeaveEveryValue() {
        String[][] cases = {
            {"<flat-profile><GPP_A>new</GPP_A>", "corrupt file"},
            {"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><flat-profile><GPP_A>&e;</GPP_A></flat-profile>",
                "corrupt file"},
            {"GPP_A \"new\";", "unsupported format"},
            {"Salted__12345678abcdefghabcdefgh", "decrypt failed"},
        };
        for (String[] c : cases) {
            Rig rig = new Rig().put("/spa2102.cfg", c[0]);
            Device d = rig.build(with(QUIET, "GPP_A", "old"));
            d.powerOn();
            rig.clock.runDue();
            assertThat(rig.log).as(c[0]).contains("resync-failure: " + c[1]);
            assertThat(d.param("GPP_A")).isEqualTo("old");
        }
    }

    @Test
    void assignmentsConditionsPostAndAliases() {
        Rig rig = new Rig().put("/init", Rig.xml("GPP_C", "done"))
                .put("/cust.xml", "<customer><sip><number>17775551234</number></sip></customer>");
        Device d = rig.build(with(QUIET,
                "Profile_Rule", "(\"$A\" ne \"Provisioned\")? (a = \"Provisioned\"; User_ID_2_ = \"uid$MA\";)! "
                        + "[--post f] http://p.test/init | http://p.test/never",
                "Profile_Rule_B", "[--alias e] http://p.test/cust.xml",
                "GPP_E", "/sip/number = /flat-profile/User_ID_1_ ;",
                "GPP_F", "MAC=$MA; SN=$SN;"));
        d.powerOn();
        rig.clock.runDue();
        assertThat(d.param("GPP_A")).isEqualTo("Provisioned");
        assertThat(d.param("User_ID_2_")).isEqualTo("uid000e08aabbcc");
        assertThat(d.param("GPP_C")).isEqualTo("done");
        assertThat(d.param("User_ID_1_")).isEqualTo("17775551234");
        assertThat(new String(rig.requests.get(0).postBody().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("MAC=000e08aabbcc; SN=SN0E08AABBCC;");
        assertThat(d.variables().getOrEmpty("UID1")).isEqualTo("17775551234");
    }

    @Test
    void fetchFailureErrorsReachErrAndTheVariablesDescribeTheUrl() {
        Rig rig = new Rig().fail("/x.cfg?mac=000e08aabbcc", FetchError.CONNECT_FAILED);
        Device d = rig.build(with(QUIET, "Profile_Rule", "https://prov.test:8443/x.cfg?mac=$MA"));
        d.powerOn();
        rig.clock.runDue();
        var v = rig.failures.get(0);
        assertThat(v.getOrEmpty("ERR")).isEqualTo("connect failed");
        assertThat(v.getOrEmpty("SCHEME")).isEqualTo("https");
        assertThat(v.getOrEmpty("SERV")).isEqualTo("prov.test");
        assertThat(v.getOrEmpty("SERVIP")).isEqualTo("127.0.0.1");
        assertThat(v.getOrEmpty("PORT")).isEqualTo("8443");
        assertThat(v.getOrEmpty("PATH")).isEqualTo("/x.cfg?mac=000e08aabbcc");
    }

    @Test
    void restrictedAccessDomainsAndBadUrls() {
        Rig rig = new Rig();
        Device d = rig.build(with(QUIET, "Restricted_Access_Domains", "good.test", "Profile_Rule", "http://evil.test/x"));
        d.powerOn();
        rig.clock.runDue();
        assertThat(rig.log).contains("resync-failure: domain not allowed");
        assertThat(rig.requests).isEmpty();

        Rig bad = new Rig();
        bad.build(with(QUIET, "Profile_Rule", "gopher://x/y")).powerOn();
        bad.clock.runDue();
        assertThat(bad.log).contains("resync-failure: bad url");
    }

    @Test
    void explicitResyncUsesTheRequesterAsServerAndIsGatedByProvisionEnable() {
        Rig rig = new Rig().put("/basic.txt", Rig.xml("GPP_B", "x"));
        Device d = rig.build(with(QUIET, "Resync_On_Reset", "No"));
        d.powerOn();
        d.resyncNow(Optional.of("/basic.txt"), "10.1.2.3");
        rig.clock.runDue();
        assertThat(rig.log).contains("resync-request tftp://10.1.2.3:69/basic.txt", "resync-success");
        assertThat(rig.failures).isEmpty();

        Rig off = new Rig();
        Device o = off.build(with(QUIET, "Resync_On_Reset", "No", "Provision_Enable", "No"));
        o.powerOn();
        o.resyncNow(Optional.empty(), "");
        off.clock.runDue();
        assertThat(off.requests).isEmpty();
    }

    @Test
    void stateSurvivesAPowerCycleAndAccessIsKept(@TempDir Path dir) {
        Rig rig = new Rig().put("/spa2102.cfg",
                "<flat-profile><GPP_A ua=\"rw\">kept</GPP_A><GPP_B ua=\"ro\"/></flat-profile>");
        Device d = rig.build(QUIET, new DirectoryStateStore(dir), 1);
        d.powerOn();
        rig.clock.runDue();
        Rig again = new Rig();
        Device e = again.build(Map.of("Resync_On_Reset", "No"), new DirectoryStateStore(dir), 1);
        assertThat(e.param("GPP_A")).isEqualTo("kept");
        assertThat(e.runningConfig().get("GPP_A").orElseThrow().access()).isEqualTo(Access.RW);
        assertThat(e.runningConfig().get("GPP_B").orElseThrow().access()).isEqualTo(Access.RO);
        assertThat(e.param("Resync_Random_Delay")).isEqualTo("0");
    }

    @Test
    void upgradeLoopProtectionWrongModelAndCorruptImages() {
        Rig rig = new Rig().put("/spa2102.cfg", Rig.xml("GPP_A", ""))
                .put("/same.bin", org.spaprov.profile.firmware.FirmwareImage.make("spa2102", "5.2.11", new byte[10]))
                .put("/other.bin", org.spaprov.profile.firmware.FirmwareImage.make("spa3102", "6.0", new byte[10]))
                .put("/bad.bin", "SPAFW1\nmodel: spa2102\nversion: 9\nlength: 3\nsha256: 00\n\nabc");
        Device d = rig.build(with(QUIET, "Upgrade_Rule", "($SWVER ne 5.2.13)? http://fw.test/same.bin",
                "Upgrade_Error_Retry_Delay", "0", "Resync_After_Upgrade_Attempt", "No"));
        d.powerOn();
        rig.clock.runDue();
        assertThat(rig.log).contains("upgrade-failure: rule condition not met");
        d.upgradeNow("http://fw.test/other.bin", "");
        d.upgradeNow("http://fw.test/bad.bin", "");
        d.upgradeNow("https://fw.test/x.bin", "");
        rig.clock.runDue();
        assertThat(rig.log).contains("upgrade-failure: wrong model", "upgrade-failure: corrupt file",
                "upgrade-failure: https not supported for upgrade");
        assertThat(d.firmwareVersion()).isEqualTo("5.2.12");
    }

    @Test
    void aSuccessfulUpgradeIsNotRepeated() {
        Rig rig = new Rig().put("/spa2102.cfg", Rig.xml("GPP_A", ""))
                .put("/fw.bin", org.spaprov.profile.firmware.FirmwareImage.make("spa2102", "5.3.0", new byte[1000]));
        Device d = rig.build(with(QUIET, "Upgrade_Rule", "http://fw.test/fw.bin", "Resync_Periodic", "600"));
        d.powerOn();
        rig.clock.advance(Duration.ofHours(5));
        assertThat(rig.log).filteredOn(l -> l.startsWith("upgrade-")).containsExactly(
                "upgrade-request /fw.bin UPGST=1 @0", "upgrade-success 5.3.0");
        assertThat(rig.log).containsSubsequence("upgrade-success 5.3.0", "reboot", "boot spa2102 000e08aabbcc 5.3.0",
                "resync-request tftp://tftp.test:69/spa2102.cfg");
        assertThat(d.userAgent()).isEqualTo("Linksys/SPA-2102-5.3.0 (SN0E08AABBCC)");
    }
}
