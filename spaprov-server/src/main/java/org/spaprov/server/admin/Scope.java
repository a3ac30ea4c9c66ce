package org.spaprov.server.admin;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an admin token may do. {@link #READ} reads devices, events and metrics; {@link #WRITE} changes the
 * device inventory; {@link #PUSH} makes devices act. The token of {@value AdminToken#ENV} (or the one the
 * server issued itself) holds all three; tokens of {@value AdminTokens#FILE_NAME} hold the ones listed.
 */
public enum Scope {
    READ, WRITE, PUSH;

    /** Its name in files, help and errors: {@code read}, {@code write}, {@code push}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code read,push} (comma-separated, at least one).
     *
     * @throws IllegalArgumentException naming the unknown scope
     */
    public static Set<Scope> parseList(String s) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String part : s.split(",", -1)) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            Scope match = null;
            for (Scope sc : values()) {
                if (sc.wire().equals(p)) {
                    match = sc;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown scope '" + part.strip() + "' (known: read, write, push)");
            }
            out.add(match);
        }
        return out;
    }

    /** {@code read,push}, in declaration order. */
    public static String format(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::wire).collect(Collectors.joining(","));
    }
}
