package org.spaprov.rules.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleParserTest {
    @Test
    void treeOfTheGuideExample() {
        Rule r = RuleParser.parse("(\"$A\" ne \"Provisioned\")? (Line_Enable_1_ = \"No\";)! https://p.tel.com/init-prov | https://p.tel.com/configs").rule();
        Comparison cmp = new Comparison(Optional.of(new Operand.Quoted("$A")), Operator.NE, new Operand.Quoted("Provisioned"));
        assertThat(r.alternatives()).containsExactly(
                new Alternative(Optional.of(new Condition(List.of(cmp))),
                        Optional.of(List.of(new Assignment("Line_Enable_1_", "No"))), List.of(),
                        Optional.of("https://p.tel.com/init-prov")),
                new Alternative(Optional.empty(), Optional.empty(), List.of(), Optional.of("https://p.tel.com/configs")));
    }

    @Test
    void printsCanonicalForm() {
        String text = "(\"$A\" ne \"Provisioned\")?(Line_Enable_1_=\"No\";)![--key \"a b\" --post f]https://p.tel.com/x|(!1.0.2)?/y";
        String printed = RulePrinter.print(RuleParser.parse(text).rule());
        assertThat(printed).isEqualTo("( \"$A\" ne \"Provisioned\" )? ( Line_Enable_1_ = \"No\"; )! [--key \"a b\" --post f] "
                + "https://p.tel.com/x | ( != 1.0.2 )? /y");
        assertThat(RuleParser.parse(printed).rule()).isEqualTo(RuleParser.parse(text).rule());
    }

    @Test
    void legacyBangEqualsNotEquals() {
        assertThat(ConditionParser.parse("! 1.0.33")).isEqualTo(ConditionParser.parse("!= 1.0.33"));
        assertThat(ConditionParser.parse("$SWVER ne 1")).isNotEqualTo(ConditionParser.parse("ne 1"));
    }

    @Test
    void spansPointAtParts() {
        ParsedRule p = RuleParser.parse("( 1 eq 1 )? [--key k --alias b] /x | /y");
        assertThat(p.spans().get(0)).isEqualTo(new ParsedRule.Span(0, 12, List.of(13, 21), 32));
        assertThat(p.spans().get(1).start()).isEqualTo(37);
    }

    @Test
    void keyRecordHidesItsValue() {
        assertThat(new RuleOption.Key("topsecret").toString()).doesNotContain("topsecret");
    }
}
