package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.spaprov.rules.Conditions;
import org.spaprov.rules.Macros;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.Rules;
import org.spaprov.rules.Schedule;
import org.spaprov.rules.Variables;
import org.spaprov.rules.Version;

/** {@link RuleLanguage} on spaprov-rules. */
final class RulesModule implements RuleLanguage {
    static final RulesModule INSTANCE = new RulesModule();

    private RulesModule() {
    }

    private static Variables of(Map<String, String> vars) {
        return name -> Optional.ofNullable(vars.get(name));
    }

    @Override
    public String expand(String text, Map<String, String> vars) {
        return Macros.expand(text, of(vars));
    }

    @Override
    public boolean condition(String expr, Map<String, String> vars) {
        return Conditions.evaluate(expr, of(vars));
    }

    @Override
    public RuleChoice evaluate(String rule, boolean upgrade, Map<String, String> vars) {
        RuleKind kind = upgrade ? RuleKind.UPGRADE : RuleKind.PROFILE;
        RuleOutcome o = Rules.evaluate(rule, kind, of(vars));
        return switch (o) {
            case RuleOutcome.Skipped s -> new RuleChoice.Skipped();
            case RuleOutcome.BadRule b -> new RuleChoice.BadRule(b.message());
            case RuleOutcome.Selected s -> new RuleChoice.Selected(s.alternative(), conditional(rule, kind, s.alternative()),
                    s.assignments(), s.options().key(), s.options().post().map(Character::toUpperCase),
                    s.options().alias().map(Character::toUpperCase),
                    s.url().map(u -> new RuleTarget(u.scheme(), u.host(), u.port(), u.path())));
        };
    }

    private static boolean conditional(String rule, RuleKind kind, int alternative) {
        try {
            return Rules.parse(rule, kind).rule().alternatives().get(alternative).condition().isPresent();
        } catch (RuntimeException e) { // RuleSyntaxException included
            return false;
        }
    }

    @Override
    public Optional<Long> scheduleDelay(String schedule, int index, RandomGenerator rnd) {
        Schedule s = Schedule.parseOrDisabled(schedule);
        return s.disabled() ? Optional.empty() : Optional.of(s.delaySeconds(Math.max(0, index), rnd));
    }

    @Override
    public int compareVersions(String a, String b) {
        Optional<Version> x = Version.tryParse(a);
        Optional<Version> y = Version.tryParse(b);
        return x.isPresent() && y.isPresent() ? x.get().compareTo(y.get()) : 0;
    }
}
