package org.spaprov.profile.alias;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An alias map from a GPP register, selected by {@code [--alias x]} (SPEC §10.1, §15.18):
 * {@code /customer-account/SIP-number = /flat-profile/User_ID_1_ ;} entries. A left-hand side
 * matches an element path by suffix ({@code /auth-secret} matches {@code /CPE/SIP-Credentials/auth-secret});
 * the first matching entry wins; at most {@value #MAX_ENTRIES} entries are used.
 *
 * <p>Immutable. {@link #parse} never throws: malformed entries are kept in {@link #problems()}.
 */
public final class AliasMap {
    /** The guide's limit on remapped parameters. */
    public static final int MAX_ENTRIES = 30;
    private static final AliasMap EMPTY = new AliasMap(List.of(), List.of());

    /** One entry: the path segments to match and the canonical parameter name. */
    public record Entry(List<String> lhs, String target) {
    }

    private final List<Entry> entries;
    private final List<String> problems;

    private AliasMap(List<Entry> entries, List<String> problems) {
        this.entries = entries;
        this.problems = problems;
    }

    public static AliasMap empty() {
        return EMPTY;
    }

    /** Parses the value of a GPP register. */
    public static AliasMap parse(String gppValue) {
        if (gppValue == null || gppValue.isBlank()) {
            return EMPTY;
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (String raw : gppValue.split(";")) {
            String e = raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            index++;
            int eq = e.indexOf('=');
            if (eq < 0) {
                problems.add("alias entry " + index + ": missing '='");
                continue;
            }
            List<String> lhs = segments(e.substring(0, eq));
            List<String> rhs = segments(e.substring(eq + 1));
            if (lhs.isEmpty() || rhs.size() != 2 || !rhs.get(0).equals("flat-profile")) {
                problems.add("alias entry " + index + ": expected '/path/elem = /flat-profile/Name'");
                continue;
            }
            if (entries.size() == MAX_ENTRIES) {
                problems.add("alias entry " + index + ": more than " + MAX_ENTRIES + " entries, ignored");
                continue;
            }
            entries.add(new Entry(List.copyOf(lhs), rhs.get(1)));
        }
        return new AliasMap(List.copyOf(entries), List.copyOf(problems));
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.strip().split("/")) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Messages about entries that were not used. */
    public List<String> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The canonical name for an element at {@code path} (root first), if an entry matches. */
    public Optional<String> match(List<String> path) {
        for (Entry e : entries) {
            List<String> lhs = e.lhs();
            int n = lhs.size();
            if (n > path.size()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                ok = lhs.get(n - 1 - i).equals(path.get(path.size() - 1 - i));
            }
            if (ok) {
                return Optional.of(e.target());
            }
        }
        return Optional.empty();
    }
}
