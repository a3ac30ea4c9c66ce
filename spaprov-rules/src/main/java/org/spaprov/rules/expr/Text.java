package org.spaprov.rules.expr;

import org.spaprov.rules.RuleSyntaxException;

/** Character helpers shared by the parsers. */
final class Text {
    private Text() {
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /**
     * Where the comment starts: the first {@code #} outside double quotes and outside
     * {@code [ … ]} (SPEC §6.1 and §15.8); the text's length when there is none.
     */
    static int commentStart(String s) {
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '[') {
                    bracket = true;
                } else if (c == ']') {
                    bracket = false;
                } else if (c == '#' && !bracket) {
                    return i;
                }
            }
        }
        return s.length();
    }

    /** Shows a character in a message: printable ones quoted, others as U+XXXX. */
    static String show(char c) {
        return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    static RuleSyntaxException error(int column, String message) {
        return new RuleSyntaxException(column, message);
    }
}
