package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.rules.RuleOutcome.BadRule;
import org.spaprov.rules.RuleOutcome.Selected;
import org.spaprov.rules.RuleOutcome.Skipped;

/** SPEC §5.3 and §6 examples, verbatim. */
class RulesTest {
    private static final Variables MAC = Variables.builder().mac("000E08012345").build();

    static Selected selected(String rule, RuleKind kind, Variables v) {
        RuleOutcome o = Rules.evaluate(rule, kind, v);
        assertThat(o).as(rule).isInstanceOf(Selected.class);
        return (Selected) o;
    }

    static BadRule bad(String rule, RuleKind kind) {
        RuleOutcome o = Rules.evaluate(rule, kind, MAC);
        assertThat(o).as(rule).isInstanceOf(BadRule.class);
        assertThat(Rules.check(rule, kind)).as(rule).isPresent();
        return (BadRule) o;
    }

    static RuleUrl url(String scheme, String host, int port, String path) {
        return new RuleUrl(scheme, Optional.ofNullable(host), port, path);
    }

    @Test
    void upgradeRuleWithCondition() { // SPEC §5.3
        String rule = "( $SWVER ne 2.0.6 )? http://ps.tell.com/sw/spa021024.bin";
        Selected s = selected(rule, RuleKind.UPGRADE, MAC.with("SWVER", "2.0.5"));
        assertThat(s.alternative()).isZero();
        assertThat(s.url()).contains(url("http", "ps.tell.com", 80, "/sw/spa021024.bin"));
        assertThat(Rules.evaluate(rule, RuleKind.UPGRADE, MAC.with("SWVER", "2.0.6"))).isInstanceOf(Skipped.class);
    }

    @Test
    void alternativesWithAssignments() { // SPEC §6.1, G30 p44
        String rule = "(\"$A\" ne \"Provisioned\")? (Line_Enable_1_ = \"No\";)! https://p.tel.com/init-prov | https://p.tel.com/configs";
        Selected first = selected(rule, RuleKind.PROFILE, Variables.empty());
        assertThat(first.alternative()).isZero();
        assertThat(first.assignments()).containsExactly(Map.entry("Line_Enable_1_", "No"));
        assertThat(first.url()).contains(url("https", "p.tel.com", 443, "/init-prov"));
        Selected second = selected(rule, RuleKind.PROFILE, Variables.builder().param("GPP_A", "Provisioned").build());
        assertThat(second.alternative()).isEqualTo(1);
        assertThat(second.assignments()).isEmpty();
        assertThat(second.url()).contains(url("https", "p.tel.com", 443, "/configs"));
    }

    @Test
    void assignmentsWithOneLetterNames() { // SPEC §6.1, G30 p37-38
        Variables v = MAC.with("B", "42");
        Selected a = selected("( User_ID_1_ = \"uid$B\" ; GPP_C = \"\" ; GPP_D = \"$MA\" ; )!", RuleKind.PROFILE, v);
        Selected b = selected("( User_ID_1_ = \"uid$B\" ; c = \"\" ; d = \"$MA\" ; )!", RuleKind.PROFILE, v);
        assertThat(a.assignments()).containsExactly(Map.entry("User_ID_1_", "uid42"), Map.entry("GPP_C", ""),
                Map.entry("GPP_D", "000e08012345"));
        assertThat(b.assignments()).isEqualTo(a.assignments());
        assertThat(a.url()).isEmpty();
        assertThat(selected("(a=\"x\";b=\"y\";)!", RuleKind.PROFILE, v).assignments())
                .containsExactly(Map.entry("GPP_A", "x"), Map.entry("GPP_B", "y"));
    }

    @Test
    void commentedOutAndEmptyRulesAreSkipped() { // SPEC §6.1, §6.2 step 5
        assertThat(Rules.evaluate("# http://192.168.1.200/sample.cfg", RuleKind.PROFILE, MAC)).isInstanceOf(Skipped.class);
        assertThat(Rules.evaluate("", RuleKind.PROFILE, MAC)).isInstanceOf(Skipped.class);
        assertThat(Rules.evaluate("   ", RuleKind.UPGRADE, MAC)).isInstanceOf(Skipped.class);
        assertThat(Rules.evaluate(null, RuleKind.PROFILE, MAC)).isInstanceOf(Skipped.class);
        assertThat(Rules.evaluate("( $A eq 1 )? /a.cfg | ( $A eq 2 )? /b.cfg", RuleKind.PROFILE, MAC))
                .isInstanceOf(Skipped.class);
        assertThat(selected("/x.cfg # the rest is a comment | /y.cfg", RuleKind.PROFILE, MAC).url())
                .contains(url("tftp", null, 69, "/x.cfg"));
    }

    @Test
    void legacyConditions() { // SPEC §5.1, G30 p37, SIP05 p32
        String rule = "(<1.0)?/pre-rel.cfg | /curr.cfg";
        assertThat(selected(rule, RuleKind.PROFILE, MAC.with("SWVER", "0.9.8")).url())
                .contains(url("tftp", null, 69, "/pre-rel.cfg"));
        assertThat(selected(rule, RuleKind.PROFILE, MAC.with("SWVER", "1.0.2")).url())
                .contains(url("tftp", null, 69, "/curr.cfg"));
        String up = "(! 1.0.2)? /spa2000/1-00-02/spa.bin";
        assertThat(selected(up, RuleKind.UPGRADE, MAC.with("SWVER", "1.0.1")).url())
                .contains(url("tftp", null, 69, "/spa2000/1-00-02/spa.bin"));
        assertThat(Rules.evaluate(up, RuleKind.UPGRADE, MAC.with("SWVER", "1.0.2"))).isInstanceOf(Skipped.class);
    }

    @Test
    void lostRegistrationExample() { // G30 p44 shape: ($REGTMR1 eq 0)? ... | lost-reg?
        String rule = "( $REGTMR1 eq 0 )? http://p.tel.com/configs | http://p.tel.com/lost-reg?";
        assertThat(selected(rule, RuleKind.PROFILE, MAC.with("REGTMR1", "0")).alternative()).isZero();
        Selected s = selected(rule, RuleKind.PROFILE, MAC.with("REGTMR1", "310"));
        assertThat(s.url()).contains(url("http", "p.tel.com", 80, "/lost-reg?"));
    }

    @Test
    void urlExamples() { // SPEC §6.3, all valid examples
        Variables v = MAC.with("D", "dir").with("E", "file");
        Map<String, RuleUrl> cases = Map.of(
                "/$MA.cfg", url("tftp", null, 69, "/000e08012345.cfg"),
                "/Linksys/spa021025.bin", url("tftp", null, 69, "/Linksys/spa021025.bin"),
                "192.168.1.130/profiles/init.cfg", url("tftp", "192.168.1.130", 69, "/profiles/init.cfg"),
                "tftp://prov.call.com/cpe/Linksys$MA.cfg", url("tftp", "prov.call.com", 69, "/cpe/Linksys000e08012345.cfg"),
                "http://neptune.speak.net:8080/prov/$D/$E.cfg", url("http", "neptune.speak.net", 8080, "/prov/dir/file.cfg"),
                "https://secure.me.com/profile?Linksys", url("https", "secure.me.com", 443, "/profile?Linksys"),
                "pserv.myvoice.com:42000/sip/$MA/pap2.cfg", url("tftp", "pserv.myvoice.com", 42000, "/sip/000e08012345/pap2.cfg"),
                "tftp://192.168.1.200/basic.txt", url("tftp", "192.168.1.200", 69, "/basic.txt"),
                "/spa$PSN.cfg", url("tftp", null, 69, "/spa2102.cfg"),
                "HTTP://Prov.Example.com/x", url("http", "Prov.Example.com", 80, "/x"));
        cases.forEach((rule, want) -> {
            assertThat(Rules.check(rule, RuleKind.PROFILE)).as(rule).isEmpty();
            assertThat(selected(rule, RuleKind.PROFILE, v.with("PSN", "2102")).url()).as(rule).contains(want);
        });
    }

    @Test
    void keyWithoutSpaceAfterBracket() { // SPEC §6.3 last example
        Selected s = selected("[--key 6e4f2a8733ba7c90aa13250bde4f6927]ur.well.com/Gj2fLx3Nqbg/a.cfg", RuleKind.PROFILE, MAC);
        assertThat(s.options().key()).contains("6e4f2a8733ba7c90aa13250bde4f6927");
        assertThat(s.url()).contains(url("tftp", "ur.well.com", 69, "/Gj2fLx3Nqbg/a.cfg"));
    }

    @Test
    void optionCombinations() { // SPEC §6.4, G30 p39-40
        Variables v = MAC.with("SB", "fromSB");
        Selected post = selected("[--post f ] http://ps.one.com/cpe/resyncs?", RuleKind.PROFILE, v);
        assertThat(post.options()).isEqualTo(new RuleOptions(Optional.empty(), Optional.of('f'), Optional.empty()));
        assertThat(post.url()).contains(url("http", "ps.one.com", 80, "/cpe/resyncs?"));
        assertThat(selected("[--post j --alias k] http://a.b/c", RuleKind.PROFILE, v).options())
                .isEqualTo(new RuleOptions(Optional.empty(), Optional.of('j'), Optional.of('k')));
        assertThat(selected("[--key \"SymmetricSecret\" --alias a] http://a.b/c", RuleKind.PROFILE, v).options())
                .isEqualTo(new RuleOptions(Optional.of("SymmetricSecret"), Optional.empty(), Optional.of('a')));
        assertThat(selected("[--key \"$SB\" --post g] http://a.b/c", RuleKind.PROFILE, v).options())
                .isEqualTo(new RuleOptions(Optional.of("fromSB"), Optional.of('g'), Optional.empty()));
        assertThat(selected("[--alias a --key abracadabra321 --post c] http://a.b/c", RuleKind.PROFILE, v).options())
                .isEqualTo(new RuleOptions(Optional.of("abracadabra321"), Optional.of('c'), Optional.of('a')));
        assertThat(selected("[--key \"pass phrase with | # ] inside\"] /x", RuleKind.PROFILE, v).options().key())
                .contains("pass phrase with | # ] inside");
        assertThat(selected("[--key $SB$MA] /x", RuleKind.PROFILE, v).options().key()).contains("fromSB000e08012345");
    }

    @Test
    void reportRuleExamples() { // SPEC §8
        Variables v = MAC.with("K", "kk");
        Selected a = selected("[ --key secretphrase ] http://prov.serv.net/spa/$MA/rep.xml.enc", RuleKind.REPORT, v);
        assertThat(a.options().key()).contains("secretphrase");
        assertThat(a.url()).contains(url("http", "prov.serv.net", 80, "/spa/000e08012345/rep.xml.enc"));
        Selected b = selected("[ --key $K ] tftp://ps.callhome.net/$MA/rep.xml.enc", RuleKind.REPORT, v);
        assertThat(b.options().key()).contains("kk");
        assertThat(bad("[--post a] http://x/y", RuleKind.REPORT).column()).isEqualTo(1);
    }

    @Test
    void upgradeRuleRejectsOptions() { // SPEC §6.6
        BadRule b = bad("( $SWVER ne 2.0.6 )? [--key abc] http://ps.tell.com/sw/spa021024.bin", RuleKind.UPGRADE);
        assertThat(b.column()).isEqualTo(21);
        assertThat(b.message()).contains("Upgrade_Rule");
        assertThat(Rules.check("[--key abc] http://a/b", RuleKind.PROFILE)).isEmpty();
    }

    @Test
    void quotedSpecialsAreLiteral() { // SPEC §15.8
        Selected s = selected("( \"$A\" eq \"a|b#c)d]\" )? ( e = \"x|y#z)]\"; )! /ok.cfg | /no.cfg", RuleKind.PROFILE,
                Variables.builder().param("GPP_A", "a|b#c)d]").build());
        assertThat(s.alternative()).isZero();
        assertThat(s.assignments()).containsExactly(Map.entry("GPP_E", "x|y#z)]"));
    }

    @Test
    void macroValuesNeverChangeTheStructure() {
        Variables v = Variables.builder().param("GPP_A", "\" eq \"x\" )? | /evil.cfg").build();
        Selected s = selected("( \"$A\" eq \"no\" )? /a.cfg | /b.cfg", RuleKind.PROFILE, v);
        assertThat(s.alternative()).isEqualTo(1);
    }

    @Test
    void malformedRulesGiveColumns() {
        assertThat(bad("( $A eq 1 /a.cfg", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("( $A eq 1 ) /a.cfg", RuleKind.PROFILE).column()).isEqualTo(11);
        assertThat(bad("( $A xx 1 )? /a.cfg", RuleKind.PROFILE).column()).isEqualTo(5);
        assertThat(bad("/a.cfg | /b.cfg", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("( $A eq 1 )? /a.cfg |", RuleKind.PROFILE).column()).isEqualTo(21);
        assertThat(bad("( $A eq 1 )? /a.cfg | | /b", RuleKind.PROFILE).column()).isEqualTo(22);
        assertThat(bad("/a.cfg /b.cfg", RuleKind.PROFILE).column()).isEqualTo(7);
        assertThat(bad("( a = \"x\" )!", RuleKind.PROFILE).column()).isEqualTo(10);
        assertThat(bad("( a = x; )!", RuleKind.PROFILE).column()).isEqualTo(6);
        assertThat(bad("( z = \"x\"; )!", RuleKind.PROFILE).column()).isEqualTo(2);
        assertThat(bad("( a \"x\"; )!", RuleKind.PROFILE).column()).isEqualTo(4);
        assertThat(bad("( a = \"x\"; )! ( $A eq 1 )? /a", RuleKind.PROFILE).column()).isEqualTo(14);
        assertThat(bad("[--key] /a", RuleKind.PROFILE).column()).isEqualTo(6);
        assertThat(bad("[--post q] /a", RuleKind.PROFILE).column()).isEqualTo(8);
        assertThat(bad("[--uid x] /a", RuleKind.PROFILE).column()).isEqualTo(1);
        assertThat(bad("[--key a --key b] /a", RuleKind.PROFILE).column()).isEqualTo(9);
        assertThat(bad("[--key a /a", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("[--key a]", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("ftp://x/a", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("http://x:99999/a", RuleKind.PROFILE).column()).isEqualTo(9);
        assertThat(bad("http://x", RuleKind.PROFILE).column()).isEqualTo(8);
        assertThat(bad("( $A eq 1 )? http://bad!host/a", RuleKind.PROFILE).column()).isEqualTo(23);
        assertThat(bad("ftp://$MA/a", RuleKind.PROFILE).column()).isZero();
        assertThat(bad("( 1 eq 1 )? http://{$A}/a | /b", RuleKind.PROFILE).column()).isEqualTo(19);
        assertThat(Rules.check("http://p$A.example.com:80/x", RuleKind.PROFILE)).isEmpty();
        assertThat(Rules.check("$A/x", RuleKind.PROFILE)).isEmpty();
    }

    @Test
    void urlErrorsAfterExpansionAreBadRulesNotExceptions() {
        Variables v = Variables.builder().param("GPP_A", "no-slash-here").build();
        RuleOutcome o = Rules.evaluate("( 1 eq 1 )? http://$A", RuleKind.PROFILE, v);
        assertThat(o).isInstanceOfSatisfying(BadRule.class, b -> {
            assertThat(b.column()).isEqualTo(12);
            assertThat(b.message()).contains("after macro expansion");
        });
        assertThat(Rules.check("( 1 eq 1 )? http://$A", RuleKind.PROFILE)).isEmpty();
    }

    @Test
    void conditionOnlyAlternative() {
        Selected s = selected("( \"$A\" eq \"\" )?", RuleKind.PROFILE, Variables.empty());
        assertThat(s.url()).isEmpty();
        assertThat(s.assignments()).isEmpty();
    }

    @Test
    void parsedRulesCanBeKeptAndSelectedHidesValues() {
        var parsed = Rules.parse("( \"$A\" eq \"\" )? ( GPP_SA = \"s3cr3t\"; )! /a | /b", RuleKind.PROFILE);
        RuleOutcome first = Rules.evaluate(parsed, Variables.empty());
        assertThat(first).isInstanceOf(Selected.class);
        assertThat(first.toString()).contains("GPP_SA").doesNotContain("s3cr3t");
        assertThat(((Selected) Rules.evaluate(parsed, Variables.builder().param("GPP_A", "x").build())).alternative())
                .isEqualTo(1);
        var cond = Conditions.parse("$A eq 1").orElseThrow();
        assertThat(Conditions.evaluate(cond, Variables.builder().param("GPP_A", "1").build())).isTrue();
    }

    @Test
    void optionsToStringHidesTheKey() {
        assertThat(new RuleOptions(Optional.of("topsecret"), Optional.empty(), Optional.empty()).toString())
                .doesNotContain("topsecret");
    }
}
