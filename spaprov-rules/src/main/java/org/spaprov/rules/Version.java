package org.spaprov.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware or hardware version such as {@code 2.0.6}, {@code 1.0.31(b)} or {@code 5.1.10(GW)},
 * and, as later SPA5xx firmware writes them, {@code 7.5.2b} (a suffix without parentheses, which
 * is the same as {@code 7.5.2(b)}); ordered as SPEC §15.7 decides: the dot-separated numbers compare numerically part by part (a
 * missing part counts as 0, so {@code 3.0 = 3.0.0}), then the parenthesised suffix: absent before
 * present, then case-insensitive alphanumeric order. Thus {@code 2.0.6 < 2.0.6(b) < 2.0.10 < 3.0}.
 *
 * <p>{@link #equals} agrees with {@link #compareTo}: {@code 2.0.6(B)} equals {@code 2.0.6(b)} and
 * {@code 3} equals {@code 3.0}. {@link #toString()} returns the text
 * as parsed. Each part has at most 18 digits, so it fits a {@code long}.
 */
public final class Version implements Comparable<Version> {
    private static final Pattern SYNTAX = Pattern.compile(
            "(\\d{1,18}(?:\\.\\d{1,18})*)(?:\\(([A-Za-z0-9]+)\\)|([A-Za-z][A-Za-z0-9]*))?");

    private final long[] parts; // trailing zero parts removed, so equal versions have equal arrays
    private final String suffix; // lower case; null when absent
    private final String text;

    private Version(long[] parts, String suffix, String text) {
        this.parts = parts;
        this.suffix = suffix;
        this.text = text;
    }

    /**
     * Parses {@code n[.n…][(suffix)]} or {@code n[.n…]letter[alnum…]} with no spaces. A single
     * number is a one-part version.
     *
     * @throws IllegalArgumentException when the text is not a version
     */
    public static Version parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a version (expected digits separated by dots, optionally followed by (suffix)): " + text));
    }

    /** The version, or empty when {@code text} is not one. */
    public static Optional<Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] nums = m.group(1).split("\\.");
        int len = nums.length;
        while (len > 0 && Long.parseLong(nums[len - 1]) == 0) {
            len--;
        }
        long[] parts = new long[len];
        for (int i = 0; i < len; i++) {
            parts[i] = Long.parseLong(nums[i]);
        }
        String raw = m.group(2) != null ? m.group(2) : m.group(3);
        String sfx = raw == null ? null : raw.toLowerCase(Locale.ROOT);
        return Optional.of(new Version(parts, sfx, text));
    }

    /** True when {@code text} has the version form with at least one dot (how conditions tell versions from integers). */
    public static boolean looksLikeVersion(String text) {
        return text != null && text.indexOf('.') > 0 && SYNTAX.matcher(text).matches();
    }

    /** The suffix (as written, without parentheses), if any. */
    public Optional<String> suffix() {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty(); // cannot happen: text matched when parsed
        }
        return Optional.ofNullable(m.group(2) != null ? m.group(2) : m.group(3));
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            long a = i < parts.length ? parts[i] : 0;
            long b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        if (suffix == null || o.suffix == null) {
            return suffix == null ? (o.suffix == null ? 0 : -1) : 1;
        }
        return Integer.signum(suffix.compareTo(o.suffix));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && Arrays.equals(parts, v.parts) && Objects.equals(suffix, v.suffix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parts) + Objects.hashCode(suffix);
    }

    /** The text as parsed. */
    @Override
    public String toString() {
        return text;
    }
}
