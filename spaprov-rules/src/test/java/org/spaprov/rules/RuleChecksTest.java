package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleChecksTest {
    @Test
    void keyedByParamKind() {
        var checks = RuleChecks.checks();
        assertThat(checks).containsKeys("rule", "upgrade-rule", "condition", "schedule");
        assertThat(checks.get("rule").check("[--key k] /spa$PSN.cfg")).isEmpty();
        assertThat(checks.get("upgrade-rule").check("[--key k] /spa.bin"))
                .hasValueSatisfying(e -> assertThat(e.column()).isZero());
        assertThat(checks.get("condition").check("$A eq")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(checks.get("schedule").check("1800,x")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(checks.get("report-rule").check("[--alias a] /r")).isPresent();
    }

    @Test
    void messagesNeverQuoteTheKey() {
        var e = RuleChecks.checks().get("rule").check("[--key sup3rsecret --bogus] /x");
        assertThat(e).hasValueSatisfying(err -> assertThat(err.message()).doesNotContain("sup3rsecret").doesNotContain("bogus"));
        var dup = RuleChecks.checks().get("rule").check("[--key sup3rsecret --key sup3rsecret] /x");
        assertThat(dup).hasValueSatisfying(err -> assertThat(err.message()).doesNotContain("sup3rsecret"));
    }
}
