package org.spaprov.profile.catalog;

import java.util.Optional;

/**
 * Syntax of the tone languages of SPEC §11, all at most 127 characters:
 * <pre>
 * FreqScript = F "@" L *("," F "@" L)            ; up to 6; F unsigned Hz, L dBm with 1 decimal
 * CadScript  = S *(";" S)                        ; S = D "(" on "/" off *("," on "/" off) ")"
 * ToneScript = FreqScript ";" Z *(";" Z)         ; Z = D "(" on "/" off "/" f *("," …) ")", f = n *("+" n)
 * D, on, off = seconds with decimals, or "*"
 * </pre>
 * Blanks after {@code ,} are tolerated (the factory CWT cadences contain them). The dial-plan
 * language is out of scope: only its length (2047) is checked.
 */
final class ToneScripts {
    private final String s;
    private int i;

    private ToneScripts(String s) {
        this.s = s;
    }

    static Optional<String> check(String kind, String v) {
        if (kind.equals("dialplan")) {
            return ValueChecks.str(v, 2047);
        }
        if (v.length() > 127) {
            return Optional.of("too long: " + v.length() + " characters, at most 127");
        }
        if (v.isEmpty()) {
            return Optional.empty();
        }
        ToneScripts p = new ToneScripts(v);
        String err = switch (kind) {
            case "freqscript" -> p.freqScript();
            case "cadscript" -> p.sections(false);
            default -> p.toneScript();
        };
        if (err == null && p.i < v.length()) {
            err = "unexpected character";
        }
        return err == null ? Optional.empty() : Optional.of(err + " at character " + (p.i + 1));
    }

    private String toneScript() {
        String err = freqScript();
        if (err != null) {
            return err;
        }
        if (!eat(';')) {
            return "expected ';' after the frequencies";
        }
        return sections(true);
    }

    private String freqScript() {
        int n = 0;
        do {
            skipBlanks();
            if (!number(false)) {
                return "expected a frequency in Hz";
            }
            if (!eat('@')) {
                return "expected '@' and a level";
            }
            if (!number(true)) {
                return "expected a level in dBm";
            }
            n++;
        } while (eat(','));
        return n > 6 ? "more than 6 frequencies" : null;
    }

    private String sections(boolean tone) {
        do {
            skipBlanks();
            if (!eat('*') && !number(false)) {
                return "expected a duration in seconds or '*'";
            }
            if (!eat('(')) {
                return "expected '('";
            }
            do {
                skipBlanks();
                if (!eat('*') && !number(false)) {
                    return "expected an on time";
                }
                if (!eat('/')) {
                    return "expected '/' between on and off times";
                }
                if (!eat('*') && !number(false)) {
                    return "expected an off time";
                }
                if (tone) {
                    if (!eat('/')) {
                        return "expected '/' and frequency components";
                    }
                    do {
                        if (!number(false)) {
                            return "expected a frequency component number";
                        }
                    } while (eat('+'));
                }
            } while (eat(','));
            if (!eat(')')) {
                return "expected ')'";
            }
        } while (eat(';'));
        return null;
    }

    private boolean number(boolean signed) {
        int start = i;
        if (signed && i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        if (digits == 0) {
            i = start;
            return false;
        }
        return true;
    }

    private boolean eat(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }
}
