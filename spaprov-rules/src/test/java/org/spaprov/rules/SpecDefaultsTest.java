package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The remaining SPEC §4.1, §4.3, §6.1 and §7.1 examples: defaults, the variable table, --post bodies. */
class SpecDefaultsTest {
    private static final Variables DEVICE = Variables.builder().mac("000E08012345").set("PN", "SPA2102")
            .set("PSN", "2102").set("SN", "88012BA01234").set("SWVER", "2.0.6(b)").set("SCHEME", "http")
            .set("SERV", "http.phoneme.com").set("SERVIP", "10.2.3.200").set("PORT", "80")
            .set("PATH", "/guest/spa2000.cfg").set("ERR", "corrupt file").build();

    @Test
    void everyTableNameIsKnown() { // SPEC §4.3, issue 3 list
        for (String n : List.of("A", "P", "SA", "SD", "MA", "MAU", "MAC", "PN", "PSN", "SN", "CCERT", "IP", "EXTIP",
                "SWVER", "HWVER", "PRVST", "UPGST", "UPGERR", "PRVTMR", "UPGTMR", "REGTMR1", "REGTMR2", "UPGCOND",
                "SCHEME", "METH", "SERV", "SERVIP", "PORT", "PATH", "ERR", "UID1", "UID2", "ISCUST")) {
            assertThat(VariableNames.isKnown(n)).as(n).isTrue();
        }
        for (String n : List.of("Q", "SE", "CONF", "IPADDR", "GPP", "VERSION", "NOTIFY", "UID3", "EMS", "ma")) {
            assertThat(VariableNames.isKnown(n)).as(n).isFalse();
        }
    }

    @Test
    void notVariables() { // SPEC §4.1 SIP-side substitutions and §4.3 non-variables stay as written
        assertThat(Macros.expand("$VERSION $NOTIFY $CONF $IPADDR $GPP_A", DEVICE))
                .isEqualTo("$VERSION $NOTIFY $CONF $IPADDR $GPP_A");
    }

    @Test
    void postBodyFromGppF() { // SPEC §6.4, G30 p39
        String gppF = "Product = \"$PN\"; MAC_Addr = \"$MA\"; Ser_Num = \"$SN\"; SW_Ver = \"$SWVER\";";
        assertThat(Macros.expand(gppF, DEVICE))
                .isEqualTo("Product = \"SPA2102\"; MAC_Addr = \"000e08012345\"; Ser_Num = \"88012BA01234\"; SW_Ver = \"2.0.6(b)\";");
        var s = (RuleOutcome.Selected) Rules.evaluate("[--post f ] http://ps.one.com/cpe/resyncs?", RuleKind.PROFILE, DEVICE);
        assertThat(s.options().post()).contains('f');
        assertThat(VariableNames.gppParam(s.options().post().get())).isEqualTo("GPP_F");
    }

    @Test
    void logMessageDefaults() { // SPEC §7.1
        assertThat(Macros.expand("$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH", DEVICE))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Successful resync http://10.2.3.200:80/guest/spa2000.cfg");
        assertThat(Macros.expand("$PN $MAC -- Resync failed: $ERR", DEVICE))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Resync failed: corrupt file");
        assertThat(Macros.expand("$PN $MAC -- Requesting upgrade $SCHEME://$SERVIP:$PORT$PATH", DEVICE))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Requesting upgrade http://10.2.3.200:80/guest/spa2000.cfg");
        assertThat(Macros.expand("$PN $MAC -- Successful upgrade $SCHEME://$SERVIP:$PORT$PATH -- $ERR", DEVICE.with("ERR", "2.0.7")))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Successful upgrade http://10.2.3.200:80/guest/spa2000.cfg -- 2.0.7");
        assertThat(Macros.expand("$PN $MAC -- Upgrade failed: $ERR", DEVICE.with("ERR", "http_get failed")))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Upgrade failed: http_get failed");
    }

    @Test
    void defaultRulesAndSchedules() { // SPEC §7.1 defaults
        var s = (RuleOutcome.Selected) Rules.evaluate("/spa$PSN.cfg", RuleKind.PROFILE, DEVICE);
        assertThat(s.url()).contains(new RuleUrl("tftp", Optional.empty(), 69, "/spa2102.cfg"));
        var old = (RuleOutcome.Selected) Rules.evaluate("/spa.cfg", RuleKind.PROFILE, DEVICE); // SPA-2000 (2005)
        assertThat(old.url()).contains(new RuleUrl("tftp", Optional.empty(), 69, "/spa.cfg"));
        for (String kind : List.of("rule", "upgrade-rule", "condition")) {
            assertThat(RuleChecks.checks().get(kind).check("")).as(kind).isEmpty(); // empty defaults
        }
        Schedule hourly = Schedule.parse("3600");
        assertThat(hourly.disabled()).isFalse();
        assertThat(hourly.delaySeconds(9, new java.util.SplittableRandom(1))).isEqualTo(3600);
    }

    @Test
    void bareKeyKeepsPipeAndHash() { // SPEC §6.1: '|' inside [...] does not split
        var s = (RuleOutcome.Selected) Rules.evaluate("( 1 eq 1 )? [--key a|b#c] /x | /y", RuleKind.PROFILE, DEVICE);
        assertThat(s.url()).contains(new RuleUrl("tftp", Optional.empty(), 69, "/x"));
        assertThat(s.options().key()).contains("a|b#c");
        assertThat(Rules.check("[--key a|b#c] /x | /y", RuleKind.PROFILE)).hasValueSatisfying(
                e -> assertThat(e.message()).contains("only the last alternative"));
    }

    @Test
    void upgradeVersionsForDowngradeLimit() { // SPEC §6.6 Downgrade_Rev_Limit compares versions
        assertThat(Version.parse("2.0.7")).isGreaterThanOrEqualTo(Version.parse("2.0.6(b)"));
        assertThat(Version.parse("5.1.10(GW)")).isGreaterThan(Version.parse("5.1.9"));
    }
}
