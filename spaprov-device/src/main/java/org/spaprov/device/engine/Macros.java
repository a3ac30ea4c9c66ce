package org.spaprov.device.engine;

import java.util.Map;

/** Macro expansion of SPEC §4.2 / §15.20: one level, unknown names kept as written. */
final class Macros {
    private Macros() {
    }

    static String expand(String text, Map<String, String> vars) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
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
                String inner = text.substring(i + 2, close);
                String v = substring(inner, vars);
                out.append(v != null ? v : text.substring(i, close + 1));
                i = close + 1;
            } else {
                int j = i + 1;
                while (j < n && isNameChar(text.charAt(j))) {
                    j++;
                }
                String name = text.substring(i + 1, j);
                if (name.isEmpty()) {
                    out.append('$');
                    i++;
                } else {
                    String v = vars.get(name);
                    out.append(v != null ? v : "$" + name);
                    i = j;
                }
            }
        }
        return out.toString();
    }

    private static String substring(String inner, Map<String, String> vars) {
        String[] parts = inner.split(":", -1);
        String v = vars.get(parts[0]);
        if (v == null || parts.length > 3) {
            return null;
        }
        try {
            int p = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
            int q = parts.length > 2 ? Integer.parseInt(parts[2].trim()) : Integer.MAX_VALUE;
            if (p < 0 || q < 0) {
                return null;
            }
            int from = Math.min(p, v.length());
            int to = (int) Math.min((long) from + q, v.length());
            return v.substring(from, to);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
