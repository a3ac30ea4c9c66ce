package org.spaprov.profile.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.ParamDef;
import org.spaprov.profile.catalog.ParamType;

/**
 * Checks a profile against a model's catalog (SPEC §11, §15.4) and returns findings printed as
 * {@code FILE:LINE:COL: error|warning: message}:
 * <ul>
 *   <li>the reader's notes on the profile ({@link Profile#notes()}), first;</li>
 *   <li>a value that breaks its parameter's type, choices, range or length: <b>error</b> at the value;</li>
 *   <li>a value rejected by an extra {@link SyntaxCheck} registered for the parameter's
 *       {@link ParamType#kind()} (rules, conditions, schedules from spaprov-rules): <b>error</b> at the
 *       value's position plus the reported column;</li>
 *   <li>an unknown parameter name: <b>warning</b> naming the closest catalog name ("did you mean …?");</li>
 *   <li>a name set twice in the same file: <b>warning</b> (the last occurrence wins). Overrides across
 *       files (imports, layers) and statements without a source line (built in code) are intended
 *       and not reported.</li>
 * </ul>
 * With {@code strict}, every warning becomes an error. Findings are ordered by file (first
 * appearance), line and column. Messages never contain the value of a secret parameter.
 *
 * <p>Immutable and thread-safe; construct once per catalog and reuse.
 */
public final class Validator {
    private final Catalog catalog;
    private final Map<String, SyntaxCheck> extraChecks;

    public Validator(Catalog catalog, Map<String, SyntaxCheck> extraChecks) {
        this.catalog = catalog;
        this.extraChecks = Map.copyOf(extraChecks);
    }

    /** A validator with the built-in type checks only. */
    public Validator(Catalog catalog) {
        this(catalog, Map.of());
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<Finding> validate(Profile p, boolean strict) {
        List<Finding> out = new ArrayList<>(p.notes());
        List<Setting> statements = p.statements();
        List<ParamDef> params = catalog.params();
        // last[i] = 1 + index of the latest statement for catalog parameter i: duplicate detection
        // without a hash map for the common case (known names).
        int[] last = new int[params.size()];
        Map<String, Setting> lastUnknown = null;
        Map<String, String> unknownMessages = null;
        for (int n = 0; n < statements.size(); n++) {
            Setting s = statements.get(n);
            String name = s.name();
            int i = catalog.indexOf(name);
            Setting earlier;
            if (i >= 0) {
                earlier = last[i] == 0 ? null : statements.get(last[i] - 1);
                last[i] = n + 1;
            } else {
                if (lastUnknown == null) {
                    lastUnknown = new HashMap<>();
                    unknownMessages = new HashMap<>();
                }
                earlier = lastUnknown.put(name, s);
            }
            if (earlier != null && s.position().line() == 0) {
                earlier = null; // statements built in code (no file) are layers, not mistakes
            } else if (earlier != null && !earlier.position().file().equals(s.position().file())) {
                earlier = previousInFile(statements, n, s); // rare: several files (imports, layers)
            }
            boolean sameFile = earlier != null;
            if (sameFile) {
                out.add(Finding.warning(s.position(), "duplicate " + name + " (also at line "
                        + earlier.position().line() + "); the last occurrence wins"));
            }
            if (i < 0) {
                if (!sameFile) {
                    out.add(Finding.warning(s.position(), unknownMessages.computeIfAbsent(name, this::unknownMessage)));
                }
                continue;
            }
            String value = s.value();
            if (value != null) {
                checkValue(params.get(i), value, s.position(), out);
            }
        }
        if (strict) {
            out.replaceAll(f -> f.isError() ? f : Finding.error(f.position(), f.message()));
        }
        sort(out);
        return out;
    }

    private void checkValue(ParamDef def, String value, Position at, List<Finding> out) {
        ParamType type = def.type();
        Optional<String> problem = type.check(value);
        if (problem.isPresent()) {
            String why = problem.get();
            String t = shortType(type);
            out.add(Finding.error(at, def.xmlName() + ": " + why + (why.contains(t) ? "" : " (" + t + ")")));
            return;
        }
        SyntaxCheck extra = extraChecks.get(type.kind());
        if (extra == null || value.isEmpty()) {
            return;
        }
        Optional<SyntaxError> err = extra.check(value);
        if (err.isPresent()) {
            SyntaxError e = err.get();
            String message = def.secret() ? "invalid syntax (secret value not shown)" : e.message();
            out.add(Finding.error(at.plusColumns(Math.min(e.column(), value.length())),
                    def.xmlName() + ": " + message));
        }
    }

    /** The latest statement before {@code n} with the same name and file as {@code s}, or null. */
    private static Setting previousInFile(List<Setting> statements, int n, Setting s) {
        for (int k = n - 1; k >= 0; k--) {
            Setting e = statements.get(k);
            if (e.name().equals(s.name()) && e.position().file().equals(s.position().file())) {
                return e;
            }
        }
        return null;
    }

    private String unknownMessage(String name) {
        Optional<String> near = catalog.closest(name);
        return "unknown parameter " + name + " for " + catalog.productName()
                + near.map(n -> "; did you mean " + n + "?").orElse("");
    }

    private static String shortType(ParamType type) {
        return type instanceof ParamType.Choice ? "choice" : type.describe();
    }

    private static void sort(List<Finding> out) {
        if (out.size() < 2) {
            return;
        }
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Finding f : out) {
            fileOrder.putIfAbsent(f.position().file(), fileOrder.size());
        }
        out.sort(Comparator.<Finding>comparingInt(f -> fileOrder.get(f.position().file()))
                .thenComparingInt(f -> f.position().line())
                .thenComparingInt(f -> f.position().column()));
    }
}
