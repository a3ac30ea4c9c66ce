package org.spaprov.rules.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.spaprov.rules.RuleSyntaxException;

/**
 * Parses a condition (SPEC §5.1): comparisons joined by {@code and}/{@code AND}; operators
 * {@code = != < <= > >=}, {@code eq ne lt le gt ge} (any case) and the legacy {@code !}; operands
 * are double-quoted strings or bare tokens; a comparison that starts with an operator compares
 * {@code $SWVER} (legacy {@code ! 1.0.33}, {@code <1.0}). Bare tokens may hold macros and version
 * suffixes, so they may contain balanced parentheses, but none of {@code ? | ; [ ]}.
 * Errors give the absolute offset in the text passed in.
 */
public final class ConditionParser {
    private static final String OPERATORS = "= != < <= > >= or eq ne lt le gt ge";

    private enum Kind { QUOTED, WORD, OP, AND }

    private record Tok(Kind kind, String text, Operator op, int col) {
    }

    private final String s;
    private final int end;
    private int pos;

    private ConditionParser(String s, int from, int to) {
        this.s = s;
        this.pos = from;
        this.end = to;
    }

    /** Parses the whole text (which holds no comment). */
    public static Condition parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)}; columns in errors are offsets into {@code text}. */
    public static Condition parse(String text, int from, int to) throws RuleSyntaxException {
        return new ConditionParser(text, from, to).condition();
    }

    private Condition condition() {
        skipWs();
        if (pos >= end) {
            throw Text.error(pos, "empty condition");
        }
        List<Comparison> list = new ArrayList<>();
        while (true) {
            list.add(comparison());
            skipWs();
            if (pos >= end) {
                return new Condition(list);
            }
            Tok t = next();
            if (t.kind != Kind.AND) {
                throw Text.error(t.col, "expected 'and' between comparisons (there is no 'or')");
            }
            skipWs();
            if (pos >= end) {
                throw Text.error(pos, "expected a comparison after 'and'");
            }
        }
    }

    private Comparison comparison() {
        Tok t = next();
        if (t.kind == Kind.OP) {
            return new Comparison(Optional.empty(), t.op, operand(t));
        }
        if (t.kind == Kind.AND) {
            throw Text.error(t.col, "expected a comparison before 'and'");
        }
        Operand left = toOperand(t);
        skipWs();
        if (pos >= end) {
            throw Text.error(pos, "expected an operator (" + OPERATORS + ") after the operand");
        }
        Tok o = next();
        if (o.kind != Kind.OP) {
            throw Text.error(o.col, "expected an operator (" + OPERATORS + ")");
        }
        return new Comparison(Optional.of(left), o.op, operand(o));
    }

    private Operand operand(Tok op) {
        skipWs();
        if (pos >= end) {
            throw Text.error(pos, "expected an operand after '" + op.text + "'");
        }
        Tok t = next();
        if (t.kind == Kind.OP || t.kind == Kind.AND) {
            throw Text.error(t.col, "expected an operand but found '" + t.text + "'");
        }
        return toOperand(t);
    }

    private static Operand toOperand(Tok t) {
        return t.kind == Kind.QUOTED ? new Operand.Quoted(t.text) : new Operand.Bare(t.text);
    }

    private Tok next() {
        skipWs();
        int col = pos;
        char c = s.charAt(pos);
        if (c == '"') {
            int close = s.indexOf('"', pos + 1);
            if (close < 0 || close >= end) {
                throw Text.error(col, "unterminated string: missing closing '\"'");
            }
            pos = close + 1;
            return new Tok(Kind.QUOTED, s.substring(col + 1, close), null, col);
        }
        if (isOpChar(c)) {
            return symbol(c, col);
        }
        while (pos < end && !Text.isWs(s.charAt(pos)) && s.charAt(pos) != '"' && !isOpChar(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(col, pos);
        if (word.equals("and") || word.equals("AND")) {
            return new Tok(Kind.AND, word, null, col);
        }
        Optional<Operator> op = Operator.fromAcronym(word);
        if (op.isPresent()) {
            return new Tok(Kind.OP, word, op.get(), col);
        }
        checkWord(word, col);
        return new Tok(Kind.WORD, word, null, col);
    }

    private Tok symbol(char c, int col) {
        boolean eqNext = pos + 1 < end && s.charAt(pos + 1) == '=';
        Operator op;
        switch (c) {
            case '=' -> {
                if (eqNext) {
                    throw Text.error(col + 1, "'==' is not an operator; write '=' or 'eq'");
                }
                op = Operator.EQ;
            }
            case '!' -> op = Operator.NE; // '!' alone is the legacy spelling of '!='
            case '<' -> op = eqNext ? Operator.LE : Operator.LT;
            default -> op = eqNext ? Operator.GE : Operator.GT;
        }
        pos += (eqNext && c != '=') ? 2 : 1;
        return new Tok(Kind.OP, s.substring(col, pos), op, col);
    }

    /** Bare tokens hold macros and version suffixes: balanced parentheses, no rule punctuation. */
    private static void checkWord(String word, int col) {
        int depth = 0;
        int open = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '(' -> {
                    if (depth++ == 0) {
                        open = i;
                    }
                }
                case ')' -> {
                    if (--depth < 0) {
                        throw Text.error(col + i, "unbalanced ')'");
                    }
                }
                case '?', '|', ';', '[', ']' -> throw Text.error(col + i, "unexpected " + Text.show(c)
                        + " in a condition (quote strings with \"…\")");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        throw Text.error(col + i, "unexpected control character " + Text.show(c));
                    }
                }
            }
        }
        if (depth > 0) {
            throw Text.error(col + open, "unbalanced '(': missing ')'");
        }
    }

    private static boolean isOpChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    private void skipWs() {
        while (pos < end && Text.isWs(s.charAt(pos))) {
            pos++;
        }
    }
}
