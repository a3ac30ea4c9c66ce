package org.spaprov.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spaprov.profile.validate.SyntaxError;
import org.spaprov.rules.expr.Alternative;
import org.spaprov.rules.expr.Assignment;
import org.spaprov.rules.expr.ParsedRule;
import org.spaprov.rules.expr.RuleOption;
import org.spaprov.rules.expr.RuleParser;

/**
 * Evaluates and checks {@code Profile_Rule*}, {@code Upgrade_Rule} and {@code Report_Rule} values
 * (SPEC §6.2). The rule is parsed first and macros are expanded per part afterwards (conditions'
 * operands, assigned values, the key with {@code $SA}..{@code $SD}, the URL), so a variable's value
 * can never change the rule's structure. The first alternative whose condition holds (or that has
 * none) is chosen; a URL is resolved after expansion.
 *
 * <p>Pure and thread-safe. {@link #evaluate} never throws: a malformed rule, or a URL that is
 * malformed after expansion, gives {@link RuleOutcome.BadRule} with the column in the rule text.
 */
public final class Rules {
    private Rules() {
    }

    /** Evaluates {@code ruleText} (null counts as empty) with the current variables. */
    public static RuleOutcome evaluate(String ruleText, RuleKind kind, Variables v) {
        try {
            return evaluate(parse(ruleText, kind), v);
        } catch (RuleSyntaxException e) {
            return new RuleOutcome.BadRule(e.column(), e.getMessage());
        } catch (RuntimeException e) {
            return new RuleOutcome.BadRule(0, "rule could not be evaluated"); // a bug; keep the device running
        }
    }

    /**
     * Evaluates a rule parsed earlier with {@link #parse(String, RuleKind)} (callers that evaluate
     * the same value often may keep the parsed form). Never throws.
     */
    public static RuleOutcome evaluate(ParsedRule parsed, Variables v) {
        try {
            List<Alternative> alts = parsed.rule().alternatives();
            for (int i = 0; i < alts.size(); i++) {
                Alternative alt = alts.get(i);
                if (alt.condition().isEmpty() || ConditionEvaluator.evaluate(alt.condition().get(), v)) {
                    return select(i, alt, parsed.spans().get(i), v);
                }
            }
            return new RuleOutcome.Skipped();
        } catch (RuleSyntaxException e) {
            return new RuleOutcome.BadRule(e.column(), e.getMessage());
        } catch (RuntimeException e) {
            // Defensive: the device must keep running whatever the rule holds.
            return new RuleOutcome.BadRule(0, "rule could not be evaluated");
        }
    }

    /**
     * Parses a rule and checks what its kind allows: no options in {@code Upgrade_Rule}, only
     * {@code --key} in {@code Report_Rule}; URLs without macros must parse.
     *
     * @throws RuleSyntaxException when it is malformed
     */
    public static ParsedRule parse(String ruleText, RuleKind kind) throws RuleSyntaxException {
        String text = ruleText == null ? "" : ruleText;
        ParsedRule parsed = RuleParser.parse(text);
        List<Alternative> alts = parsed.rule().alternatives();
        for (int i = 0; i < alts.size(); i++) {
            Alternative alt = alts.get(i);
            ParsedRule.Span span = parsed.spans().get(i);
            checkOptions(alt, span, kind);
            if (alt.url().isPresent()) {
                checkStaticUrl(alt.url().get(), span.urlColumn());
            }
        }
        return parsed;
    }

    /** Empty when the rule is well-formed for its kind; else the first error and its column. */
    public static Optional<SyntaxError> check(String ruleText, RuleKind kind) {
        try {
            parse(ruleText, kind);
            return Optional.empty();
        } catch (RuleSyntaxException e) {
            return Optional.of(e.toSyntaxError());
        }
    }

    private static void checkOptions(Alternative alt, ParsedRule.Span span, RuleKind kind) {
        if (alt.options().isEmpty()) {
            return;
        }
        if (kind == RuleKind.UPGRADE) {
            throw new RuleSyntaxException(span.optionsColumn(), "options '[ … ]' are not supported in Upgrade_Rule");
        }
        if (kind == RuleKind.REPORT) {
            for (int k = 0; k < alt.options().size(); k++) {
                if (!(alt.options().get(k) instanceof RuleOption.Key)) {
                    throw new RuleSyntaxException(span.optionColumns().get(k), "Report_Rule supports only --key");
                }
            }
        }
    }

    /**
     * Checks the URL now when it has no macros; else the literal part before the first '$':
     * the scheme, and the server characters up to the '$'.
     */
    private static void checkStaticUrl(String url, int column) {
        int dollar = url.indexOf('$');
        try {
            if (dollar < 0) {
                RuleUrl.parse(url);
                return;
            }
            int sep = url.indexOf("://");
            boolean scheme = sep >= 0 && sep < dollar && sep + 1 == url.indexOf('/');
            if (scheme) {
                RuleUrl.parse(url.substring(0, sep) + ":///");
            }
            int hostStart = scheme ? sep + 3 : 0;
            int slash = url.indexOf('/', hostStart);
            int hostEnd = Math.min(dollar, slash < 0 ? url.length() : slash);
            for (int i = hostStart; i < hostEnd; i++) {
                char c = url.charAt(i);
                if (!(RuleUrl.isHostChar(c) || c == ':')) {
                    throw new RuleSyntaxException(i, "unexpected character in the server name");
                }
            }
        } catch (RuleSyntaxException e) {
            throw new RuleSyntaxException(column + e.column(), e.getMessage());
        }
    }

    private static RuleOutcome select(int index, Alternative alt, ParsedRule.Span span, Variables v) {
        Map<String, String> assigned = new LinkedHashMap<>();
        for (Assignment a : alt.assignments().orElse(List.of())) {
            assigned.put(a.xmlName(), Macros.expand(a.value(), v));
        }
        Optional<String> key = Optional.empty();
        Optional<Character> post = Optional.empty();
        Optional<Character> alias = Optional.empty();
        for (RuleOption o : alt.options()) {
            switch (o) {
                case RuleOption.Key k -> key = Optional.of(Macros.expandKey(k.arg(), v));
                case RuleOption.Post p -> post = Optional.of(p.letter());
                case RuleOption.Alias a -> alias = Optional.of(a.letter());
            }
        }
        Optional<RuleUrl> url = Optional.empty();
        if (alt.url().isPresent()) {
            String raw = alt.url().get();
            String expanded = Macros.expand(raw, v);
            try {
                url = Optional.of(RuleUrl.parse(expanded));
            } catch (RuleSyntaxException e) {
                // The offset is exact while it lies before the first macro; else point at the URL.
                int dollar = raw.indexOf('$');
                int off = dollar < 0 || e.column() < dollar ? e.column() : 0;
                String why = dollar < 0 ? e.getMessage() : e.getMessage() + " (after macro expansion)";
                return new RuleOutcome.BadRule(span.urlColumn() + off, why);
            }
        }
        return new RuleOutcome.Selected(index, assigned, new RuleOptions(key, post, alias), url);
    }
}
