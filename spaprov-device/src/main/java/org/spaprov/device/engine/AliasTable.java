package org.spaprov.device.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An alias map from a GPP register (SPEC §10.1, §15.18): {@code /lhs/path = /flat-profile/Name ;}
 * entries, suffix-matched against element paths, first entry wins, at most {@link #MAX_ENTRIES}.
 */
final class AliasTable {
    static final int MAX_ENTRIES = 30;
    static final AliasTable NONE = new AliasTable(List.of());

    private record Entry(List<String> lhs, String name) { }

    private final List<Entry> entries;

    private AliasTable(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses a map; malformed entries are skipped. */
    static AliasTable parse(String gpp) {
        List<Entry> out = new ArrayList<>();
        for (String e : gpp.split(";")) {
            int eq = e.indexOf('=');
            if (eq < 0 || out.size() >= MAX_ENTRIES) {
                continue;
            }
            List<String> lhs = segments(e.substring(0, eq));
            List<String> rhs = segments(e.substring(eq + 1));
            if (lhs.isEmpty() || rhs.isEmpty()) {
                continue;
            }
            out.add(new Entry(lhs, rhs.get(rhs.size() - 1)));
        }
        return new AliasTable(List.copyOf(out));
    }

    private static List<String> segments(String p) {
        return Arrays.stream(p.trim().split("/")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The canonical name for an element path, or null when no entry matches. */
    String map(List<String> path) {
        for (Entry e : entries) {
            int n = e.lhs.size();
            if (n <= path.size() && path.subList(path.size() - n, path.size()).equals(e.lhs)) {
                return e.name;
            }
        }
        return null;
    }
}
