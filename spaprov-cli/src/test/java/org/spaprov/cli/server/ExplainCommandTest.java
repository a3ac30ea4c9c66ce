package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/** {@code spaprov explain --site DIR MAC}: each value's origin across every layer kind, and the rules as the device reads them. */
class ExplainCommandTest {
    private static final String MAC = "000e08aabb02";
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void init() throws Exception {
        site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
    }

    @Test
    void everyLayerKindIsNamedWithItsLine() {
        CliRun r = CliRun.run("explain", "--site", site.toString(), "00:0E:08:AA:BB:02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "  Proxy_1_ = \"sip.example.net\"  <- layers/global.xml:9\n",
                "  Display_Name_1_ = \"Sales\"  <- layers/global.xml:8 (devices.csv column var.station)\n",
                "  SIP_Port_1_ = \"5060\"  <- layers/model/spa2102.xml:4\n",
                "  Resync_Periodic = \"1800\"  <- layers/group/office.xml:3\n",
                "  GPP_SA = \"********\"  <- layers/device/000e08aabb02.xml:3 (devices.csv column key)\n",
                "  Password_1_ = \"********\"  <- layers/global.xml:11 (devices.csv column var.sip_password)\n",
                "  Line_Enable_2_ = \"Yes\"  <- layers/model/spa2102.xml:3\n",
                "  Upgrade_Rule = \"($SWVER ne 5.2.12)? ",
                "<- generated rule (firmware spa2102 in spaprov.yaml)\n",
                "  Dial_Plan_2_ = \"");
        assertThat(r.out()).containsPattern("  Dial_Plan_2_ = \"[^\"]*\"  <- catalog default\n");
        assertThat(r.out()).doesNotContain(SiteInit.EXAMPLE_KEY, "pw-1002-change-me");
    }

    @Test
    void rulesShowTheAlternativeTheUrlAndTheMaskedKey() {
        CliRun r = CliRun.run("explain", "--site", site.toString(), MAC, "--var", "SWVER=5.1.0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  Profile_Rule: alternative 1 of 1, unconditional; url https://localhost:8443/spa000e08aabb02.xml\n",
                "  Profile_Rule_B: alternative 1 of 1, unconditional; url http://localhost:8080/spa000e08aabb02.cfg;"
                        + " --key $SA (********)\n",
                "  Profile_Rule_C: empty: nothing to fetch (counts as success)\n",
                "  Upgrade_Rule: alternative 1 of 1, because ");
        assertThat(r.out()).containsPattern("Upgrade_Rule: alternative 1 of 1, because .*SWVER.* holds; url http://[^ ]*/firmware/spa2102-5.2.12.bin");
        CliRun current = CliRun.run("explain", "--site", site.toString(), MAC, "--var", "SWVER=5.2.12", "--param",
                "Upgrade_Rule");
        assertThat(current.out()).contains("  Upgrade_Rule: skipped: none of the 1 alternatives' conditions holds");
        assertThat(current.out().lines().filter(l -> l.contains(" = \""))).hasSize(1);
        assertThat(current.out()).doesNotContain(SiteInit.EXAMPLE_KEY);
    }

    @Test
    void errorsAreOneLine() {
        CliRun unknown = CliRun.run("explain", "--site", site.toString(), "000e08ffffff");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err().strip()).contains("no device 000e08ffffff").doesNotContain("\n", "Exception");
        CliRun param = CliRun.run("explain", "--site", site.toString(), MAC, "--param", "No_Such_Param");
        assertThat(param.code()).isEqualTo(1);
        assertThat(param.err()).contains("has no parameter No_Such_Param");
        assertThat(CliRun.run("explain", MAC).code()).isEqualTo(2);
    }
}
