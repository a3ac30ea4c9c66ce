package org.spaprov.device.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Conditional expressions of SPEC §5 (already macro-expanded): comparisons joined by {@code and}. */
final class Conditions {
    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*(\\([A-Za-z0-9]+\\))?");

    private Conditions() {
    }

    static boolean evaluate(String expr, RuleLanguage lang) {
        List<String> toks;
        try {
            toks = tokens(expr);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (toks.isEmpty()) {
            return false;
        }
        List<List<String>> comparisons = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String t : toks) {
            if (t.equalsIgnoreCase("and")) {
                comparisons.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        comparisons.add(cur);
        for (List<String> c : comparisons) {
            if (!compare(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(List<String> c) {
        if (c.size() != 3 || op(c.get(1)) == null) {
            return false; // the legacy "op operand" form needs $SWVER, which expansion already supplied or not
        }
        String op = op(c.get(1));
        String a = c.get(0);
        String b = c.get(2);
        boolean qa = a.startsWith("\"");
        boolean qb = b.startsWith("\"");
        if (qa || qb) {
            String sa = unquote(a);
            String sb = unquote(b);
            return switch (op) {
                case "eq" -> sa.equals(sb);
                case "ne" -> !sa.equals(sb);
                default -> false;
            };
        }
        int cmp;
        if (INT.matcher(a).matches() && INT.matcher(b).matches()) {
            try {
                cmp = Long.compare(Long.parseLong(a), Long.parseLong(b));
            } catch (NumberFormatException e) {
                return false;
            }
        } else if (VERSION.matcher(a).matches() && VERSION.matcher(b).matches()) {
            cmp = compareVersions(a, b);
        } else {
            if (!op.equals("eq") && !op.equals("ne")) {
                return false;
            }
            cmp = a.equals(b) ? 0 : 1;
        }
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            case "gt" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static String op(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "=", "==", "eq" -> "eq";
            case "!=", "!", "ne" -> "ne";
            case "<", "lt" -> "lt";
            case "<=", "le" -> "le";
            case ">", "gt" -> "gt";
            case ">=", "ge" -> "ge";
            default -> null;
        };
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if ("<>=!".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < s.length() && s.charAt(j) == '=') {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "<>=!\"".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /** SPEC §15.7: numeric parts (missing = 0), then suffix: absent < present, case-insensitive. */
    static int compareVersions(String a, String b) {
        String[] pa = splitVersion(a);
        String[] pb = splitVersion(b);
        String[] na = pa[0].split("\\.");
        String[] nb = pb[0].split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            long x = i < na.length ? parse(na[i]) : 0;
            long y = i < nb.length ? parse(nb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        if (pa[1] == null || pb[1] == null) {
            return pa[1] == null ? (pb[1] == null ? 0 : -1) : 1;
        }
        return pa[1].compareToIgnoreCase(pb[1]);
    }

    private static long parse(String s) {
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String[] splitVersion(String v) {
        String s = v.trim();
        int p = s.indexOf('(');
        if (p >= 0 && s.endsWith(")")) {
            return new String[] {s.substring(0, p), s.substring(p + 1, s.length() - 1)};
        }
        return new String[] {s, null};
    }
}
