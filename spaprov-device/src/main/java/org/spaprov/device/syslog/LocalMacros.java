package org.spaprov.device.syslog;

import java.util.Set;
import org.spaprov.rules.Variables;

/**
 * A small macro expander following SPEC §4.2 and §15.20, used until the rules module's
 * {@code Macros.expand} is wired in: {@code $$}, {@code $NAME} (longest run of letters and digits),
 * {@code $(NAME)}, {@code $(NAME:p)}, {@code $(NAME:p:q)}; one level, never rescanned; unknown names
 * and {@code $SA}..{@code $SD} stay as written; offsets beyond the value give the empty string.
 */
final class LocalMacros {
    private static final Set<String> NEVER = Set.of("SA", "SB", "SC", "SD");

    private LocalMacros() {
    }

    static String expand(String text, Variables v) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = text.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(text, i, n); // malformed: literal
                    break;
                }
                String inner = text.substring(i + 2, close);
                String value = substring(inner, v);
                out.append(value != null ? value : text.substring(i, close + 1));
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < n && Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 128) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                String value = name.isEmpty() ? null : lookup(name, v);
                out.append(value != null ? value : text.substring(i, end));
                i = end;
            }
        }
        return out.toString();
    }

    /** {@code NAME}, {@code NAME:p} or {@code NAME:p:q}; null when unknown or malformed. */
    private static String substring(String inner, Variables v) {
        String[] parts = inner.split(":", -1);
        if (parts.length > 3) {
            return null;
        }
        String value = lookup(parts[0], v);
        if (value == null) {
            return null;
        }
        try {
            int p = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int q = parts.length > 2 ? Integer.parseInt(parts[2]) : Integer.MAX_VALUE;
            if (p < 0 || q < 0) {
                return null;
            }
            int from = Math.min(p, value.length());
            int to = (int) Math.min((long) from + q, value.length());
            return value.substring(from, to);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lookup(String name, Variables v) {
        if (NEVER.contains(name)) {
            return null;
        }
        return v.get(name).orElse(null);
    }
}
