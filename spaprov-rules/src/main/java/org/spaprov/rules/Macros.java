package org.spaprov.rules;

/**
 * Macro expansion as SPEC §4.2 and §15.20 define it: {@code $NAME} (NAME = the longest run of
 * {@code [A-Za-z0-9]}), {@code $(NAME)}, {@code $(NAME:p)} (from 0-based offset p),
 * {@code $(NAME:p:q)} (q characters from p), and {@code $$} for one {@code $}.
 *
 * <ul>
 *   <li>One level only: an expanded value is never rescanned ({@code $$MAU} → {@code $MAU}).</li>
 *   <li>A name that is neither supplied nor in {@link VariableNames} is left as written, {@code $}
 *       included; so is a malformed {@code $(…)}; a {@code $(} without {@code )} is literal.</li>
 *   <li>Offsets past the end give the empty string; lengths are clamped.</li>
 *   <li>{@code $SA}..{@code $SD} are expanded only by {@link #expandKey}.</li>
 * </ul>
 * Pure, thread-safe, never throws for any text.
 */
public final class Macros {
    private Macros() {
    }

    /** Expands every variable except {@code SA}..{@code SD}, which stay as written. */
    public static String expand(String text, Variables v) {
        return expand(text, v, false);
    }

    /** Expands a {@code --key} argument: like {@link #expand} but {@code $SA}..{@code $SD} too. */
    public static String expandKey(String keyArg, Variables v) {
        return expand(keyArg, v, true);
    }

    private static String expand(String text, Variables v, boolean key) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 16);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char d = text.charAt(i + 1);
            if (d == '$') {
                out.append('$');
                i += 2;
            } else if (d == '(') {
                int close = text.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String value = parenthesised(text.substring(i + 2, close), v, key);
                out.append(value != null ? value : text.substring(i, close + 1));
                i = close + 1;
            } else if (isNameChar(d)) {
                int j = i + 1;
                while (j < n && isNameChar(text.charAt(j))) {
                    j++;
                }
                String name = text.substring(i + 1, j);
                String value = lookup(name, v, key);
                out.append(value != null ? value : text.substring(i, j));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The expansion of {@code NAME[:p[:q]]}, or null to leave it as written. */
    private static String parenthesised(String inner, Variables v, boolean key) {
        String[] f = inner.split(":", -1);
        if (f.length > 3 || !isName(f[0])) {
            return null;
        }
        for (int k = 1; k < f.length; k++) {
            if (f[k].isEmpty() || !f[k].chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
        }
        String value = lookup(f[0], v, key);
        if (value == null || f.length == 1) {
            return value;
        }
        int p = clampedInt(f[1]);
        if (p >= value.length()) {
            return "";
        }
        int end = f.length == 3 ? (int) Math.min(value.length(), (long) p + clampedInt(f[2])) : value.length();
        return value.substring(p, end);
    }

    /** The value of a name, or null when it must be left as written. */
    private static String lookup(String name, Variables v, boolean key) {
        if (!key && VariableNames.SECRET.contains(name)) {
            return null;
        }
        var supplied = v.get(name);
        if (supplied.isPresent()) {
            return supplied.get();
        }
        return VariableNames.isKnown(name) ? VariableNames.fallback(name, v) : null;
    }

    private static int clampedInt(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(d);
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> isNameChar((char) ch));
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
