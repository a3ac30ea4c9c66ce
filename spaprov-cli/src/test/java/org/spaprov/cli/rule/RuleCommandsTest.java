package org.spaprov.cli.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RuleCli ok(String... args) {
        RuleCli r = RuleCli.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    // ---- expand ----

    @Test
    void expandPrintsOnlyTheExpansion() {
        assertThat(ok("expand", "spa$(MAU)config.cfg", "--mac", "000E08012345").out()).isEqualTo("spa000E08012345config.cfg\n");
        assertThat(ok("expand", "$(MAU:8:2)", "--mac", "000E08012345").out()).isEqualTo("23\n");
        assertThat(ok("expand", "spa$STRANGE$MAU.cfg", "--mac", "00:0e:08:01:23:45").out())
                .isEqualTo("spa$STRANGE000E08012345.cfg\n");
        assertThat(ok("expand", "$(A:2:3)/$A$B", "--param", "GPP_A=ABCDEF", "--param", "GPP_B=123").out())
                .isEqualTo("CDE/ABCDEF123\n");
        assertThat(ok("expand", "$SWVER $$MAU $SA", "--var", "SWVER=2.0.6", "--param", "GPP_SA=hidden").out())
                .isEqualTo("2.0.6 $MAU $SA\n");
    }

    @Test
    void expandUsageErrors() {
        RuleCli badMac = RuleCli.run("expand", "$MA", "--mac", "12:34");
        assertThat(badMac.code()).isEqualTo(2);
        assertThat(badMac.err()).startsWith("spaprov: ").contains("12 hex digits");
        RuleCli badParam = RuleCli.run("expand", "$A", "--param", "Provision_Enable=Yes");
        assertThat(badParam.code()).isEqualTo(2);
        assertThat(badParam.err()).contains("GPP_A..GPP_P");
        RuleCli badVar = RuleCli.run("expand", "$A", "--var", "NOPE=1");
        assertThat(badVar.code()).isEqualTo(2);
        assertThat(badVar.err()).contains("unknown variable NOPE");
        assertThat(RuleCli.run("expand").code()).isEqualTo(2);
        assertThat(RuleCli.run("expand", "x", "--bogus").code()).isEqualTo(2);
    }

    // ---- eval ----

    @Test
    void evalTextShowsAlternativeAssignmentsAndUrl() {
        String rule = "(\"$A\" ne \"Provisioned\")? (Line_Enable_1_ = \"No\";)! https://p.tel.com/init-prov | https://p.tel.com/configs";
        RuleCli r = ok("eval", rule);
        assertThat(r.out()).contains("matched: alternative 0").contains("assign:  Line_Enable_1_ = \"No\"")
                .contains("url:     https://p.tel.com:443/init-prov").contains("host:    p.tel.com").contains("port:    443")
                .contains("path:    /init-prov");
        RuleCli second = ok("eval", rule, "--param", "GPP_A=Provisioned");
        assertThat(second.out()).contains("matched: alternative 1").contains("/configs").doesNotContain("assign:");
    }

    @Test
    void evalJsonShape() throws Exception {
        String rule = "(\"$A\" ne \"Provisioned\")? (Line_Enable_1_ = \"No\";)! https://p.tel.com/init-prov | https://p.tel.com/configs";
        JsonNode j = JSON.readTree(ok("eval", rule, "--json").out());
        assertThat(j.get("matched").asBoolean()).isTrue();
        assertThat(j.get("alternative").asInt()).isZero();
        assertThat(j.get("assignments").get("Line_Enable_1_").asText()).isEqualTo("No");
        assertThat(j.get("options").isObject()).isTrue();
        assertThat(j.get("options").size()).isZero();
        assertThat(j.get("url").get("scheme").asText()).isEqualTo("https");
        assertThat(j.get("url").get("host").asText()).isEqualTo("p.tel.com");
        assertThat(j.get("url").get("port").asInt()).isEqualTo(443);
        assertThat(j.get("url").get("path").asText()).isEqualTo("/init-prov");
    }

    @Test
    void evalJsonDhcpServerAndNoUrl() throws Exception {
        JsonNode dhcp = JSON.readTree(ok("eval", "/spa$PSN.cfg", "--var", "PSN=2102", "--json").out());
        assertThat(dhcp.get("url").get("scheme").asText()).isEqualTo("tftp");
        assertThat(dhcp.get("url").get("host").isNull()).isTrue();
        assertThat(dhcp.get("url").get("port").asInt()).isEqualTo(69);
        assertThat(dhcp.get("url").get("path").asText()).isEqualTo("/spa2102.cfg");
        JsonNode none = JSON.readTree(ok("eval", "( c = \"x\"; )!", "--json").out());
        assertThat(none.get("url").isNull()).isTrue();
        assertThat(none.get("assignments").get("GPP_C").asText()).isEqualTo("x");
    }

    @Test
    void evalSkippedIsExit0AndNotMatched() throws Exception {
        String rule = "( $SWVER ne 2.0.6 )? http://ps.tell.com/sw/spa021024.bin";
        JsonNode j = JSON.readTree(ok("eval", rule, "--kind", "upgrade", "--var", "SWVER=2.0.6", "--json").out());
        assertThat(j.get("matched").asBoolean()).isFalse();
        assertThat(j.get("alternative").isNull()).isTrue();
        assertThat(j.get("url").isNull()).isTrue();
        assertThat(ok("eval", "# http://192.168.1.200/sample.cfg").out()).startsWith("skipped");
        JsonNode up = JSON.readTree(ok("eval", rule, "--kind", "UPGRADE", "--var", "SWVER=2.0.5", "--json").out());
        assertThat(up.get("url").get("port").asInt()).isEqualTo(80);
    }

    @Test
    void evalMasksKeysUnlessAsked() throws Exception {
        String rule = "[--key \"$SA\" --post f --alias a] ( http://x/y";
        String good = "[--key \"$SA\" --post f --alias a] http://ps.one.com/cpe/resyncs?";
        RuleCli masked = ok("eval", good, "--param", "GPP_SA=TopSecret99", "--json");
        assertThat(masked.out()).doesNotContain("TopSecret99");
        JsonNode opts = JSON.readTree(masked.out()).get("options");
        assertThat(opts.get("key").asText()).isEqualTo("********");
        assertThat(opts.get("post").asText()).isEqualTo("f");
        assertThat(opts.get("alias").asText()).isEqualTo("a");
        assertThat(ok("eval", good, "--param", "GPP_SA=TopSecret99").out()).doesNotContain("TopSecret99").contains("--key ********");
        JsonNode shown = JSON.readTree(ok("eval", good, "--param", "GPP_SA=TopSecret99", "--json", "--show-secrets").out());
        assertThat(shown.get("options").get("key").asText()).isEqualTo("TopSecret99");
        RuleCli secretAssign = ok("eval", "( GPP_SB = \"pw1\"; Line_Enable_1_ = \"No\"; )!", "--json");
        assertThat(secretAssign.out()).doesNotContain("pw1").contains("\"GPP_SB\":\"********\"");
        RuleCli bad = RuleCli.run("eval", "[--key TopSecret99 --bogus] /x");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).doesNotContain("TopSecret99");
        assertThat(RuleCli.run("eval", rule).code()).isEqualTo(1);
    }

    @Test
    void evalMalformedIsExit1WithColumn() throws Exception {
        RuleCli r = RuleCli.run("eval", "( $A eq 1 ) /a.cfg");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("spaprov: rule is malformed at column 12: expected '?' (condition) or '!' (assignments) right after ')'\n");
        RuleCli up = RuleCli.run("eval", "[--key k] /spa.bin", "--kind", "upgrade", "--json");
        assertThat(up.code()).isEqualTo(1);
        JsonNode j = JSON.readTree(up.out());
        assertThat(j.get("matched").asBoolean()).isFalse();
        assertThat(j.get("error").get("column").asInt()).isEqualTo(1);
        assertThat(j.get("error").get("message").asText()).contains("Upgrade_Rule");
        assertThat(up.err()).contains("column 1");
        assertThat(RuleCli.run("eval", "/x", "--kind", "firmware").code()).isEqualTo(2);
    }

    // ---- check ----

    @Test
    void checkPrintsTrueOrFalse() {
        String e = "$REGTMR1 gt 300 and $PRVTMR gt 1200 and \"$EXTIP\" ne \"\"";
        assertThat(ok("check", e, "--var", "REGTMR1=301", "--var", "PRVTMR=1201", "--var", "EXTIP=66.43.16.52").out())
                .isEqualTo("true\n");
        assertThat(ok("check", e, "--var", "REGTMR1=301", "--var", "PRVTMR=1201").out()).isEqualTo("false\n");
        assertThat(ok("check", "! 1.0.33", "--var", "SWVER=1.0.31(b)").out()).isEqualTo("true\n");
        assertThat(ok("check", "\"$A\" eq \"x\"", "--param", "GPP_A=x").out()).isEqualTo("true\n");
        assertThat(ok("check", "").out()).isEqualTo("false\n");
    }

    @Test
    void checkMalformedIsExit1WithColumn() {
        RuleCli r = RuleCli.run("check", "$A eq 1 or $B eq 2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("spaprov: condition is malformed at column 9: expected 'and'");
        assertThat(RuleCli.run("check").code()).isEqualTo(2);
    }

    // ---- schedule ----

    @Test
    void schedulePrintsDelays() {
        assertThat(ok("schedule", "1800,3600,7200,14400", "--count", "6").out())
                .isEqualTo("1800\n3600\n7200\n14400\n14400\n14400\n");
        assertThat(ok("schedule", "7200").out()).isEqualTo("7200\n7200\n7200\n7200\n7200\n");
        String a = ok("schedule", "1800+300,3600+600,7200+900", "--count", "8", "--seed", "42").out();
        assertThat(a).isEqualTo(ok("schedule", "1800+300,3600+600,7200+900", "--count", "8", "--seed", "42").out());
        String[] lines = a.split("\n");
        assertThat(lines).hasSize(8);
        assertThat(Long.parseLong(lines[0])).isBetween(1800L, 2100L);
        assertThat(Long.parseLong(lines[1])).isBetween(3600L, 4200L);
        for (int i = 2; i < 8; i++) {
            assertThat(Long.parseLong(lines[i])).isBetween(7200L, 8100L);
        }
    }

    @Test
    void scheduleErrorsAndDisabled() {
        RuleCli bad = RuleCli.run("schedule", "1800,,3600");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("spaprov: schedule is malformed at column 6:");
        RuleCli off = RuleCli.run("schedule", "0");
        assertThat(off.code()).isZero();
        assertThat(off.out()).isEmpty();
        assertThat(off.err()).contains("disabled");
        assertThat(RuleCli.run("schedule", "60", "--count", "0").code()).isEqualTo(2);
        assertThat(RuleCli.run("schedule", "60", "--seed", "x").code()).isEqualTo(2);
    }

    @Test
    void helpListsVerbsAndExamples() {
        RuleCli r = RuleCli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("expand").contains("eval").contains("check").contains("schedule").contains("Examples:");
        RuleCli eval = RuleCli.run("eval", "--help");
        assertThat(eval.out()).contains("Exit codes:").contains("Examples:");
    }
}
