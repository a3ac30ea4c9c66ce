package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §5 examples, verbatim, and the typing rules of §5.2. */
class ConditionsTest {
    private static Variables vars(String... kv) {
        Variables.Builder b = Variables.builder();
        for (int i = 0; i < kv.length; i += 2) {
            b.set(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    @Test
    void guideExampleLostRegistration() {
        String e = "$REGTMR1 gt 300 and $PRVTMR gt 1200 and \"$EXTIP\" ne \"\"";
        assertThat(Conditions.check(e)).isEmpty();
        assertThat(Conditions.evaluate(e, vars("REGTMR1", "301", "PRVTMR", "1201", "EXTIP", "66.43.16.52"))).isTrue();
        assertThat(Conditions.evaluate(e, vars("REGTMR1", "301", "PRVTMR", "1201"))).isFalse();
        assertThat(Conditions.evaluate(e, vars("REGTMR1", "300", "PRVTMR", "1201", "EXTIP", "1.2.3.4"))).isFalse();
    }

    @Test
    void guideExampleCertificate() {
        String e = "$SWVER ge 2.0.6 and \"$CCERT\" eq \"Installed\"";
        assertThat(Conditions.evaluate(e, vars("SWVER", "2.0.6", "CCERT", "Installed"))).isTrue();
        assertThat(Conditions.evaluate(e, vars("SWVER", "2.0.10(b)", "CCERT", "Installed"))).isTrue();
        assertThat(Conditions.evaluate(e, vars("SWVER", "2.0.5", "CCERT", "Installed"))).isFalse();
        assertThat(Conditions.evaluate(e, vars("SWVER", "2.0.6", "CCERT", "Not Installed"))).isFalse();
    }

    @Test
    void guideExampleTimers() {
        String e = "$REGTMR1 gt 300 and $PRVTMR ge 600";
        assertThat(Conditions.evaluate(e, vars("REGTMR1", "301", "PRVTMR", "600"))).isTrue();
        assertThat(Conditions.evaluate(e, vars("REGTMR1", "301", "PRVTMR", "599"))).isFalse();
    }

    @Test
    void legacyImplicitSwver() {
        assertThat(Conditions.evaluate("! 1.0.33", vars("SWVER", "1.0.31(b)"))).isTrue();
        assertThat(Conditions.evaluate("! 1.0.33", vars("SWVER", "1.0.33"))).isFalse();
        assertThat(Conditions.evaluate("<1.0", vars("SWVER", "0.9.9"))).isTrue();
        assertThat(Conditions.evaluate("<1.0", vars("SWVER", "1.0.0"))).isFalse();
    }

    @Test
    void everyOperatorBothSpellings() {
        Variables v = vars("X", "5");
        Map<String, Boolean> cases = Map.ofEntries(
                Map.entry("$X = 5", true), Map.entry("$X eq 5", true), Map.entry("$X EQ 5", true),
                Map.entry("$X != 5", false), Map.entry("$X ne 5", false), Map.entry("$X ! 4", true),
                Map.entry("$X < 6", true), Map.entry("$X lt 5", false), Map.entry("$X <= 5", true),
                Map.entry("$X le 4", false), Map.entry("$X > 4", true), Map.entry("$X gt 5", false),
                Map.entry("$X >= 5", true), Map.entry("$X ge 6", false), Map.entry("$X>=5", true),
                Map.entry("$X eq 5 AND $X ne 6", true));
        cases.forEach((e, want) -> assertThat(Conditions.evaluate(e, v)).as(e).isEqualTo(want));
    }

    @Test
    void typing() {
        Variables v = vars("A", "Provisioned", "N", "-3", "S", "2.0.6(b)");
        assertThat(Conditions.evaluate("\"$A\" eq \"Provisioned\"", v)).isTrue();
        assertThat(Conditions.evaluate("\"$A\" eq \"provisioned\"", v)).isFalse(); // case-sensitive
        assertThat(Conditions.evaluate("\"b\" gt \"a\"", v)).isFalse(); // no ordering on strings
        assertThat(Conditions.evaluate("\"b\" ne \"a\"", v)).isTrue();
        assertThat(Conditions.evaluate("$N lt -2", v)).isTrue();
        assertThat(Conditions.evaluate("$S gt 2.0.6", v)).isTrue();
        assertThat(Conditions.evaluate("$S lt 2.0.10", v)).isTrue();
        assertThat(Conditions.evaluate("$S lt 3", v)).isTrue(); // integer as a one-part version
        assertThat(Conditions.evaluate("2.0.6(B) eq $S", v)).isTrue();
        assertThat(Conditions.evaluate("\"5\" eq 5", v)).isTrue(); // mixed: compares the texts
        assertThat(Conditions.evaluate("007 eq 7", v)).isTrue();
        assertThat(Conditions.evaluate("99999999999999999999999 gt 1", v)).isTrue();
    }

    @Test
    void missingOperandAfterExpansionIsFalse() {
        assertThat(Conditions.evaluate("$EXTIP eq \"\"", Variables.empty())).isFalse();
        assertThat(Conditions.evaluate("$EXTIP ne 1", Variables.empty())).isFalse();
    }

    @Test
    void emptyAndCommentedNeverFire() {
        assertThat(Conditions.check("")).isEmpty();
        assertThat(Conditions.check("  # $A eq 1")).isEmpty();
        assertThat(Conditions.evaluate("", Variables.empty())).isFalse();
        assertThat(Conditions.evaluate("# 1 eq 1", Variables.empty())).isFalse();
        assertThat(Conditions.evaluate("1 eq 1 # trailing", Variables.empty())).isTrue();
        assertThat(Conditions.evaluate("\"#\" eq \"#\"", Variables.empty())).isTrue();
    }

    @Test
    void errorsCarryTheColumn() {
        assertThat(Conditions.check("$A eq")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(Conditions.check("$A xx 1")).hasValueSatisfying(e -> {
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.message()).contains("operator");
        });
        assertThat(Conditions.check("$A eq 1 or $B eq 2")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(8));
        assertThat(Conditions.check("\"abc eq 1")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(0));
        assertThat(Conditions.check("$A == 1")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(4));
        assertThat(Conditions.check("$A eq 1 and")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(11));
        assertThat(Conditions.check("( $A eq 1 )?")).hasValueSatisfying(e -> {
            assertThat(e.column()).isEqualTo(0);
            assertThat(e.message()).contains("without '( )?'");
        });
        assertThat(Conditions.check("$A eq 1;")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(7));
        assertThat(Conditions.check("$(A eq 1")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(1));
        assertThat(Conditions.check("$A And 1")).isPresent(); // only and/AND (SPEC §15.17)
        assertThat(Conditions.check("$(MAU:8:2) eq 23 and $SWVER lt 2.0.3(G)")).isEmpty();
    }
}
