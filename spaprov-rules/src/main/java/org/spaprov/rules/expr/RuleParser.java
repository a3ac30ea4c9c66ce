package org.spaprov.rules.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.spaprov.rules.RuleSyntaxException;

/**
 * Parses a rule value (SPEC §6.1, §15.8) into a {@link Rule}, before any macro expansion:
 * <pre>
 * rule        = [ alternative *( "|" alternative ) ] [ "#" comment ]
 * alternative = [ "(" cond ")?" ] [ "(" *( name "=" DQUOTE text DQUOTE ";" ) ")!" ] [ [ "[" *option "]" ] url ]
 * option      = "--key" ( bare | DQUOTE text DQUOTE ) / "--post" a..p / "--alias" a..p
 * </pre>
 * White space is free between parts; a URL is the run of characters up to white space or
 * {@code |}. The comment starts at the first {@code #} outside quotes and brackets. There are no
 * escapes: {@code |}, {@code #}, {@code ]} and {@code )} inside quotes are literal. Which options a
 * kind of rule allows, and the URL's own syntax, are checked by the caller. Errors carry the
 * 0-based column of the offending character.
 */
public final class RuleParser {
    private final String s;
    private final int end;
    private int pos;

    private RuleParser(String s) {
        this.s = s;
        this.end = Text.commentStart(s);
    }

    /** Parses a whole rule value; an empty or commented-out value gives an empty rule. */
    public static ParsedRule parse(String text) throws RuleSyntaxException {
        return new RuleParser(text == null ? "" : text).rule();
    }

    private ParsedRule rule() {
        List<Alternative> alts = new ArrayList<>();
        List<ParsedRule.Span> spans = new ArrayList<>();
        skipWs();
        while (pos < end) {
            int start = pos;
            alternative(alts, spans);
            skipWs();
            if (pos >= end) {
                break;
            }
            if (s.charAt(pos) != '|') {
                throw Text.error(pos, "expected '|' or the end of the rule, found " + Text.show(s.charAt(pos)));
            }
            if (alts.get(alts.size() - 1).condition().isEmpty()) {
                throw Text.error(start, "only the last alternative may omit its condition '( … )?'");
            }
            pos++;
            skipWs();
            if (pos >= end) {
                throw Text.error(pos, "expected an alternative after '|'");
            }
        }
        return new ParsedRule(new Rule(alts), spans);
    }

    private void alternative(List<Alternative> alts, List<ParsedRule.Span> spans) {
        int start = pos;
        Optional<Condition> cond = Optional.empty();
        Optional<List<Assignment>> assigns = Optional.empty();
        if (at('(')) {
            int open = pos;
            int close = closingParen(open);
            char kind = close + 1 < end ? s.charAt(close + 1) : 0;
            if (kind == '?') {
                cond = Optional.of(ConditionParser.parse(s, open + 1, close));
            } else if (kind == '!') {
                assigns = Optional.of(assignments(open + 1, close));
            } else {
                throw Text.error(close + 1, "expected '?' (condition) or '!' (assignments) right after ')'");
            }
            pos = close + 2;
            skipWs();
        }
        if (at('(')) {
            int open = pos;
            int close = closingParen(open);
            char kind = close + 1 < end ? s.charAt(close + 1) : 0;
            if (kind != '!' || assigns.isPresent()) {
                throw Text.error(open, assigns.isPresent()
                        ? "a condition '( … )?' must come before the assignments '( … )!'"
                        : "only one condition per alternative; join comparisons with 'and'");
            }
            assigns = Optional.of(assignments(open + 1, close));
            pos = close + 2;
            skipWs();
        }
        if (at('(')) {
            throw Text.error(pos, "unexpected '(' after the assignments");
        }
        List<RuleOption> options = new ArrayList<>();
        List<Integer> optionColumns = new ArrayList<>();
        int optionsColumn = -1;
        if (at('[')) {
            optionsColumn = pos;
            options(options, optionColumns);
            skipWs();
            if (pos >= end || s.charAt(pos) == '|') {
                throw Text.error(optionsColumn, "options '[ … ]' must be followed by a URL");
            }
        }
        int urlColumn = -1;
        Optional<String> url = Optional.empty();
        if (pos < end && s.charAt(pos) != '|') {
            urlColumn = pos;
            url = Optional.of(url());
        }
        if (cond.isEmpty() && assigns.isEmpty() && url.isEmpty()) {
            throw Text.error(start, "empty alternative");
        }
        alts.add(new Alternative(cond, assigns, options, url));
        spans.add(new ParsedRule.Span(start, optionsColumn, optionColumns, urlColumn));
    }

    /** The matching ')' of the '(' at {@code open}, skipping quoted text and nested parentheses. */
    private int closingParen(int open) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int q = s.indexOf('"', i + 1);
                if (q < 0 || q >= end) {
                    throw Text.error(i, "unterminated string: missing closing '\"'");
                }
                i = q;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw Text.error(open, "unbalanced '(': missing ')?' or ')!'");
    }

    private List<Assignment> assignments(int from, int to) {
        List<Assignment> list = new ArrayList<>();
        pos = from;
        skipWs();
        while (pos < to) {
            int nameStart = pos;
            if (!isNameStart(s.charAt(pos))) {
                throw Text.error(pos, "expected a parameter name, found " + Text.show(s.charAt(pos)));
            }
            while (pos < to && isNameChar(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(nameStart, pos);
            if (name.length() == 1 && (name.charAt(0) < 'a' || name.charAt(0) > 'p')) {
                throw Text.error(nameStart, "a one-letter name is a GPP register and must be a..p");
            }
            skipWs();
            expect('=', to, "expected '=' after the parameter name");
            skipWs();
            if (pos >= to || s.charAt(pos) != '"') {
                throw Text.error(pos, "the assigned value must be in double quotes");
            }
            int close = s.indexOf('"', pos + 1); // closingParen checked the quotes are balanced
            String value = s.substring(pos + 1, close);
            pos = close + 1;
            skipWs();
            expect(';', to, "expected ';' after the assigned value");
            skipWs();
            list.add(new Assignment(name, value));
        }
        return list;
    }

    private void options(List<RuleOption> options, List<Integer> columns) {
        int open = pos++;
        if (!hasClosingBracket(open)) {
            throw Text.error(open, "unbalanced '[': missing ']'");
        }
        while (true) {
            skipWs();
            if (pos >= end) {
                throw Text.error(open, "unbalanced '[': missing ']'");
            }
            if (s.charAt(pos) == ']') {
                pos++;
                return;
            }
            int col = pos;
            String flag = bare();
            if (flag.isEmpty()) {
                throw Text.error(col, "unexpected " + Text.show(s.charAt(col)) + " in options");
            }
            RuleOption opt = switch (flag) {
                case "--key" -> new RuleOption.Key(keyArg(col));
                case "--post" -> new RuleOption.Post(letter(col, flag));
                case "--alias" -> new RuleOption.Alias(letter(col, flag));
                default -> throw Text.error(col, "unknown option; expected --key, --post or --alias");
            };
            for (RuleOption o : options) {
                if (o.flag().equals(flag)) {
                    throw Text.error(col, "option " + flag + " given twice");
                }
            }
            options.add(opt);
            columns.add(col);
        }
    }

    private boolean hasClosingBracket(int open) {
        boolean quoted = false;
        for (int i = open + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private String keyArg(int flagCol) {
        skipWs();
        if (pos < end && s.charAt(pos) == '"') {
            int close = s.indexOf('"', pos + 1);
            if (close < 0 || close >= end) {
                throw Text.error(pos, "unterminated string: missing closing '\"'");
            }
            String key = s.substring(pos + 1, close);
            if (key.isEmpty()) {
                throw Text.error(pos, "--key needs a value");
            }
            pos = close + 1;
            return key;
        }
        String key = bare();
        if (key.isEmpty()) {
            throw Text.error(pos < end ? pos : flagCol, "--key needs a value");
        }
        return key;
    }

    private char letter(int flagCol, String flag) {
        skipWs();
        int col = pos;
        String arg = bare();
        if (arg.length() != 1 || arg.charAt(0) < 'a' || arg.charAt(0) > 'p') {
            throw Text.error(arg.isEmpty() ? flagCol : col, flag + " needs one GPP letter a..p");
        }
        return arg.charAt(0);
    }

    /** A bare token inside brackets: up to white space, ']' or '"'. */
    private String bare() {
        int start = pos;
        while (pos < end && !Text.isWs(s.charAt(pos)) && s.charAt(pos) != ']' && s.charAt(pos) != '"') {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String url() {
        int start = pos;
        while (pos < end && !Text.isWs(s.charAt(pos)) && s.charAt(pos) != '|') {
            char c = s.charAt(pos);
            if (c == '"' || c == '[' || c == ']' || c < ' ' || c == 0x7f) {
                throw Text.error(pos, "unexpected " + Text.show(c) + " in the URL");
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    private void expect(char c, int to, String message) {
        if (pos >= to || s.charAt(pos) != c) {
            throw Text.error(pos, message);
        }
        pos++;
    }

    private boolean at(char c) {
        return pos < end && s.charAt(pos) == c;
    }

    private void skipWs() {
        while (pos < end && Text.isWs(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isNameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
    }
}
