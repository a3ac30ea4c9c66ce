package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.spaprov.rules.expr.Alternative;
import org.spaprov.rules.expr.Assignment;
import org.spaprov.rules.expr.Comparison;
import org.spaprov.rules.expr.Condition;
import org.spaprov.rules.expr.Operand;
import org.spaprov.rules.expr.Operator;
import org.spaprov.rules.expr.Rule;
import org.spaprov.rules.expr.RuleOption;
import org.spaprov.rules.expr.RuleParser;
import org.spaprov.rules.expr.RulePrinter;

/** Properties of the rule language (issue 3, Proof). */
class RulePropertiesTest {
    private static final Variables VARS = Variables.builder().mac("000E08012345").param("GPP_A", "ABCDEF")
            .param("GPP_SA", "secret").set("SWVER", "2.0.6(b)").set("REGTMR1", "0").build();

    @Property
    void expansionWithoutDollarIsIdentity(@ForAll String text) {
        String t = text.replace('$', '_');
        assertThat(Macros.expand(t, VARS)).isEqualTo(t);
        assertThat(Macros.expandKey(t, VARS)).isEqualTo(t);
    }

    @Property
    void versionOrderIsTotalAndConsistentWithEquals(@ForAll("versions") Version a, @ForAll("versions") Version b,
                                                    @ForAll("versions") Version c) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
        }
        assertThat(a.compareTo(a)).isZero();
    }

    @Property
    void printThenParseGivesTheSameTree(@ForAll("rules") Rule rule) {
        String printed = RulePrinter.print(rule);
        Rule reparsed = RuleParser.parse(printed).rule();
        assertThat(reparsed).as(printed).isEqualTo(rule);
        assertThat(RulePrinter.print(reparsed)).isEqualTo(printed);
    }

    @Property
    void parseThenPrintIsStableOnAnyAcceptedText(@ForAll("ruleish") String text) {
        Rule first;
        try {
            first = RuleParser.parse(text).rule();
        } catch (RuleSyntaxException e) {
            assertThat(e.column()).isBetween(0, text.length());
            return;
        }
        String printed = RulePrinter.print(first);
        assertThat(RuleParser.parse(printed).rule()).as(text).isEqualTo(first);
    }

    @Property(tries = 2000)
    void garbageNeverThrows(@ForAll("ruleish") String text) {
        for (RuleKind kind : RuleKind.values()) {
            RuleOutcome o = Rules.evaluate(text, kind, VARS);
            if (o instanceof RuleOutcome.BadRule b) {
                assertThat(b.column()).isBetween(0, text.length());
                assertThat(b.message()).isNotBlank();
            }
            Rules.check(text, kind).ifPresent(e -> assertThat(e.column()).isBetween(0, text.length()));
        }
        Conditions.evaluate(text, VARS);
        Conditions.check(text).ifPresent(e -> assertThat(e.column()).isBetween(0, text.length()));
        Schedule.check(text).ifPresent(e -> assertThat(e.column()).isBetween(0, text.length()));
        assertThat(Macros.expand(text, VARS)).isNotNull();
    }

    @Property
    void anyStringNeverThrows(@ForAll String text) {
        assertThat(Rules.evaluate(text, RuleKind.PROFILE, VARS)).isNotNull();
        assertThat(Conditions.evaluate(text, VARS)).isIn(true, false);
        Schedule.parseOrDisabled(text);
        Macros.expandKey(text, VARS);
    }

    // ---- generators ----

    @Provide
    Arbitrary<Version> versions() {
        Arbitrary<String> nums = Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> sfx = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("abAB01gG").ofMinLength(1).ofMaxLength(3).map(s -> "(" + s + ")"),
                Arbitraries.strings().withChars("abAB01gG").ofMinLength(0).ofMaxLength(2).map(s -> "b" + s));
        return Combinators.combine(nums, sfx).as((n, s) -> Version.parse(n + s));
    }

    @Provide
    Arbitrary<String> ruleish() {
        Arbitrary<String> pieces = Arbitraries.of("(", ")?", ")!", ")", "?", "!", "[", "]", "--key", "--post", "--alias",
                "\"", "|", "#", ";", "=", " ", "  ", "eq", "ne", "lt", "and", "<", "<=", "!=", ">", "$A", "$(MAU:8:2)",
                "$SWVER", "2.0.6", "1.0", "300", "-1", "a", "p", "z", "GPP_C", "/x.cfg", "http://h:80/p", "tftp://",
                "https://a.b/c?d", ":", "$", "$$", "x y", "\t");
        return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Rule> rules() {
        return alternative(true).list().ofMinSize(0).ofMaxSize(3).flatMap(conds ->
                alternative(false).map(last -> {
                    List<Alternative> all = new ArrayList<>(conds);
                    all.add(last);
                    return new Rule(all);
                }));
    }

    private Arbitrary<Alternative> alternative(boolean needsCondition) {
        Arbitrary<Optional<Condition>> cond = needsCondition ? condition().map(Optional::of) : condition().optional();
        Arbitrary<Optional<List<Assignment>>> assigns = assignment().list().ofMaxSize(3).optional();
        Arbitrary<List<RuleOption>> options = Arbitraries.oneOf(
                Arbitraries.just(List.<RuleOption>of()),
                Combinators.combine(key().optional(), letter().optional(), letter().optional()).as((k, p, a) -> {
                    List<RuleOption> l = new ArrayList<>();
                    k.ifPresent(l::add);
                    p.ifPresent(c -> l.add(new RuleOption.Post(c)));
                    a.ifPresent(c -> l.add(new RuleOption.Alias(c)));
                    return l;
                }));
        Arbitrary<String> url = Arbitraries.of("/spa$PSN.cfg", "/$MA.cfg", "192.168.1.130/profiles/init.cfg",
                "http://neptune.speak.net:8080/prov/$D/$E.cfg", "https://secure.me.com/profile?Linksys",
                "tftp://prov.call.com/cpe/Linksys$(MAU:0:6).cfg", "ur.well.com/Gj2fLx3Nqbg/a.cfg");
        return Combinators.combine(cond, assigns, options, url.optional()).as((c, a, o, u) -> {
            Optional<String> theUrl = !o.isEmpty() && u.isEmpty() ? Optional.of("/x") : u;
            if (c.isEmpty() && a.isEmpty() && theUrl.isEmpty()) {
                theUrl = Optional.of("/only.cfg");
            }
            return new Alternative(c, a, o, theUrl);
        });
    }

    private Arbitrary<Condition> condition() {
        Arbitrary<Operand> bare = Arbitraries.of("$SWVER", "2.0.6", "1.0.31(b)", "300", "-5", "$(MAU:8:2)", "$REGTMR1", "word")
                .map(Operand.Bare::new);
        Arbitrary<Operand> quoted = Arbitraries.strings().withChars("ab $()|#]?!<=;[").ofMaxLength(6).map(Operand.Quoted::new);
        Arbitrary<Operand> operand = Arbitraries.oneOf(bare, quoted);
        Arbitrary<Comparison> cmp = Combinators.combine(operand.optional(), Arbitraries.of(Operator.class), operand)
                .as(Comparison::new);
        return cmp.list().ofMinSize(1).ofMaxSize(3).map(Condition::new);
    }

    private Arbitrary<Assignment> assignment() {
        Arbitrary<String> name = Arbitraries.of("a", "c", "p", "GPP_C", "User_ID_1_", "Auth_Resync-Reboot_1_", "Line_Enable_1_");
        Arbitrary<String> value = Arbitraries.strings().withChars("aZ9 $()|#];!?[").ofMaxLength(8);
        return Combinators.combine(name, value).as(Assignment::new);
    }

    private Arbitrary<RuleOption> key() {
        return Arbitraries.strings().withChars("aZ9 $|#]-[").ofMinLength(1).ofMaxLength(8).map(RuleOption.Key::new);
    }

    private Arbitrary<Character> letter() {
        return Arbitraries.chars().range('a', 'p');
    }
}
