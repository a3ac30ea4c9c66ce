package org.spaprov.profile.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The value checks behind {@link ParamType}. Hand-written scanners rather than regular expressions:
 * they run once per parameter of every served profile (keep the hot path plain). No message quotes
 * the checked value.
 */
final class ValueChecks {
    private static final Optional<String> OK = Optional.empty();

    private ValueChecks() {
    }

    static Optional<String> bool(String v) {
        switch (v.length()) {
            case 1:
                if (v.equals("1") || v.equals("0")) {
                    return OK;
                }
                break;
            case 2:
                if (v.equalsIgnoreCase("no")) {
                    return OK;
                }
                break;
            case 3:
                if (v.equalsIgnoreCase("yes")) {
                    return OK;
                }
                break;
            case 6:
                if (v.equalsIgnoreCase("enable")) {
                    return OK;
                }
                break;
            case 7:
                if (v.equalsIgnoreCase("disable")) {
                    return OK;
                }
                break;
            default:
                break;
        }
        return Optional.of(v.isEmpty() ? "empty value; expected Yes or No"
                : "expected Yes or No (or Enable/Disable, 1/0)");
    }

    static Optional<String> choice(String v, List<String> choices) {
        for (String c : choices) {
            if (c.equals(v)) {
                return OK;
            }
        }
        for (String c : choices) {
            if (c.equalsIgnoreCase(v)) {
                return OK;
            }
        }
        StringBuilder b = new StringBuilder(v.isEmpty() ? "empty value; expected one of: " : "not one of: ");
        int n = Math.min(choices.size(), 12);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(choices.get(i));
        }
        if (choices.size() > n) {
            b.append(", … (").append(choices.size()).append(" choices)");
        }
        return Optional.of(b.toString());
    }

    /** Integer in [min, max], decimal or {@code 0x} hex, optional sign when min < 0. */
    static Optional<String> integer(String v, long min, long max, String type) {
        if (v.isEmpty()) {
            return OK;
        }
        int i = 0;
        boolean neg = false;
        char c0 = v.charAt(0);
        if (c0 == '-' || c0 == '+') {
            if (min >= 0 && c0 == '-') {
                return Optional.of("negative number not allowed; expected " + type + " (" + min + ".." + max + ")");
            }
            neg = c0 == '-';
            i = 1;
        }
        int radix = 10;
        if (v.length() > i + 1 && v.charAt(i) == '0' && (v.charAt(i + 1) == 'x' || v.charAt(i + 1) == 'X')) {
            radix = 16;
            i += 2;
        }
        if (i >= v.length()) {
            return Optional.of("not a number; expected " + type);
        }
        long n = 0;
        for (; i < v.length(); i++) {
            int d = Character.digit(v.charAt(i), radix);
            if (d < 0) {
                return Optional.of("not a number (character " + (i + 1) + "); expected " + type
                        + (radix == 10 ? ", decimal or 0x hex" : ""));
            }
            n = n * radix + d;
            if (n > 1L << 40) {
                return Optional.of("number too large; expected " + type + " (" + min + ".." + max + ")");
            }
        }
        n = neg ? -n : n;
        if (n < min || n > max) {
            return Optional.of(n + " is out of range " + min + ".." + max + " (" + type + ")");
        }
        return OK;
    }

    /** A decimal number; {@code maxDecimals} = Integer.MAX_VALUE means extra decimals are ignored. */
    static Optional<String> decimal(String v, boolean signed, int maxDecimals, String type) {
        if (v.isEmpty()) {
            return OK;
        }
        int i = 0;
        char c0 = v.charAt(0);
        if (c0 == '-' || c0 == '+') {
            if (!signed && c0 == '-') {
                return Optional.of("negative value not allowed; expected " + type);
            }
            i = 1;
        }
        int digits = 0;
        int decimals = -1;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9') {
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else {
                return Optional.of("not a number (character " + (i + 1) + "); expected " + type);
            }
        }
        if (digits == 0) {
            return Optional.of("not a number; expected " + type);
        }
        if (decimals > maxDecimals) {
            return Optional.of("too many decimals (" + decimals + "); " + type + " allows " + maxDecimals);
        }
        return OK;
    }

    static Optional<String> str(String v, int max) {
        if (v.length() > max) {
            return Optional.of("too long: " + v.length() + " characters, at most " + max);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("control character at character " + (i + 1));
            }
        }
        return OK;
    }

    /** Printable, no white space, at most {@code max} characters. */
    static Optional<String> token(String v, int max, String type) {
        if (v.length() > max) {
            return Optional.of("too long: " + v.length() + " characters, at most " + max + " (" + type + ")");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return Optional.of((c == ' ' ? "space" : "control character") + " at character " + (i + 1)
                        + "; " + type + " allows none");
            }
        }
        return OK;
    }

    static Optional<String> ip(String v) {
        if (v.isEmpty()) {
            return OK;
        }
        int parts = 0;
        int i = 0;
        while (true) {
            int start = i;
            int n = 0;
            while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9' && i - start < 4) {
                n = n * 10 + (v.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > 3) {
                return Optional.of("not an IPv4 address; expected x.x.x.x with 0-255 parts");
            }
            if (n > 255) {
                return Optional.of("part " + (parts + 1) + " of the IP address is " + n + ", above 255");
            }
            parts++;
            if (i == v.length()) {
                break;
            }
            if (v.charAt(i) != '.' || parts == 4) {
                return Optional.of("not an IPv4 address; expected x.x.x.x with 0-255 parts");
            }
            i++;
        }
        return parts == 4 ? OK : Optional.of("not an IPv4 address: " + parts + " parts, expected 4");
    }

    static Optional<String> fqdn(String v) {
        if (v.length() > 63) {
            return Optional.of("too long: " + v.length() + " characters, at most 63 (FQDN)");
        }
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? v : v.substring(0, colon);
        if (colon >= 0) {
            Optional<String> port = integer(v.substring(colon + 1), 0, 65535, "Port");
            if (port.isPresent() || colon == v.length() - 1) {
                return Optional.of("bad port after ':' in host name; expected 0..65535");
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_')) {
                return Optional.of("character " + (i + 1) + " is not allowed in a host name (letters, digits, '.', '-')");
            }
        }
        if (colon >= 0 && host.isEmpty()) {
            return Optional.of("host name missing before ':'");
        }
        return OK;
    }

    static Optional<String> actCode(String v) {
        if (v.length() > 11) {
            return Optional.of("too long: " + v.length() + " characters, at most 11 (ActCode)");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '*' || c == '#')) {
                return Optional.of("character " + (i + 1) + " is not allowed in an activation code (digits, '*', '#')");
            }
        }
        return OK;
    }

    static Optional<String> template(String v, boolean responseCodes) {
        if (v.length() > 39) {
            return Optional.of("too long: " + v.length() + " characters, at most 39");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = responseCodes ? c >= '0' && c <= '9' || c == '?' || c == '*' || c == ',' || c == ' '
                    : c >= 0x20 && c != 0x7f;
            if (!ok) {
                return Optional.of("character " + (i + 1) + " is not allowed in a "
                        + (responseCodes ? "response-code template (digits, '?', '*', ',')" : "phone template"));
            }
        }
        return OK;
    }

    /** {@code element *("," element)}, {@code element = seconds ["+" random]} (SPEC §7.3); blanks tolerated. */
    static Optional<String> schedule(String v) {
        int i = 0;
        int n = v.length();
        int element = 1;
        while (i < n && v.charAt(i) == ' ') {
            i++;
        }
        if (i == n) {
            return OK;
        }
        while (true) {
            for (int part = 0; part < 2; part++) {
                while (i < n && v.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                long sec = 0;
                while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                    sec = Math.min(sec * 10 + (v.charAt(i) - '0'), 1L << 33);
                    i++;
                }
                if (i == start) {
                    return Optional.of("schedule element " + element + ": expected a number of seconds at character "
                            + (i + 1));
                }
                if (sec > 0xFFFFFFFFL) {
                    return Optional.of("schedule element " + element + ": seconds above 4294967295");
                }
                while (i < n && v.charAt(i) == ' ') {
                    i++;
                }
                if (part == 0 && i < n && v.charAt(i) == '+') {
                    i++;
                } else {
                    break;
                }
            }
            if (i == n) {
                return OK;
            }
            if (v.charAt(i) != ',') {
                return Optional.of("schedule element " + element + ": unexpected character " + (i + 1)
                        + "; expected seconds[+random] separated by ','");
            }
            i++;
            element++;
        }
    }

    static Optional<String> version(String v) {
        if (v.isEmpty()) {
            return OK;
        }
        if (v.length() > 63) {
            return Optional.of("too long: " + v.length() + " characters, at most 63 (Version)");
        }
        if (!(v.charAt(0) >= '0' && v.charAt(0) <= '9')) {
            return Optional.of("a version starts with a digit, e.g. 5.1.10 or 2.0.6(b)");
        }
        int open = v.indexOf('(');
        String main = open < 0 ? v : v.substring(0, open);
        for (int i = 0; i < main.length(); i++) {
            char c = main.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '-' || c == '_')) {
                return Optional.of("character " + (i + 1) + " is not allowed in a version");
            }
        }
        if (open >= 0 && (v.charAt(v.length() - 1) != ')' || v.indexOf('(', open + 1) >= 0)) {
            return Optional.of("a version suffix must be one parenthesised part at the end, e.g. 5.1.10(GW)");
        }
        return OK;
    }

    static Optional<String> mac(String v) {
        if (v.isEmpty()) {
            return OK;
        }
        int hex = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hex++;
            } else if (c != ':' && c != '-') {
                return Optional.of("character " + (i + 1) + " is not allowed in a MAC address");
            }
        }
        return hex == 12 ? OK : Optional.of("a MAC address has 12 hex digits, found " + hex);
    }
}
