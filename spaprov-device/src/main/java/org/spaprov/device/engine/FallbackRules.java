package org.spaprov.device.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A compact implementation of the rule language of SPEC §4–§6 and §7.3, used until spaprov-rules
 * is wired in. Grammar and decisions as SPEC §6.1 and §15.8/§15.17/§15.20.
 */
final class FallbackRules implements RuleLanguage {
    static final FallbackRules INSTANCE = new FallbackRules();

    private FallbackRules() {
    }

    @Override
    public String expand(String text, Map<String, String> vars) {
        return Macros.expand(text, vars);
    }

    @Override
    public String expandKey(String keyArg, Map<String, String> vars, Map<String, String> secretVars) {
        Map<String, String> all = new LinkedHashMap<>(vars);
        all.putAll(secretVars);
        String k = keyArg.trim();
        if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
            k = k.substring(1, k.length() - 1);
        }
        return Macros.expand(k, all);
    }

    @Override
    public boolean condition(String expr, Map<String, String> vars) {
        return Conditions.evaluate(Macros.expand(expr, vars), this);
    }

    @Override
    public RuleChoice evaluate(String rule, boolean upgrade, Map<String, String> vars) {
        List<String> terms;
        try {
            terms = split(stripComment(rule));
        } catch (IllegalArgumentException e) {
            return new RuleChoice.BadRule(e.getMessage());
        }
        if (terms.size() == 1 && terms.get(0).isBlank()) {
            return new RuleChoice.Skipped();
        }
        for (String t : terms) {
            Term term;
            try {
                term = Term.parse(t.trim());
            } catch (IllegalArgumentException e) {
                return new RuleChoice.BadRule(e.getMessage());
            }
            if (term.condition != null && !condition(term.condition, vars)) {
                continue;
            }
            if (upgrade && term.options != null) {
                return new RuleChoice.BadRule("options are not supported in Upgrade_Rule");
            }
            return term.select(vars);
        }
        return new RuleChoice.Skipped();
    }

    @Override
    public Optional<Long> scheduleDelay(String schedule, int index, RandomGenerator rnd) {
        String s = schedule == null ? "" : schedule.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String[] elems = s.split(",");
        long[][] parsed = new long[elems.length][2];
        for (int i = 0; i < elems.length; i++) {
            String[] pr = elems[i].trim().split("\\+", -1);
            if (pr.length > 2) {
                return Optional.empty();
            }
            try {
                parsed[i][0] = Long.parseLong(pr[0].trim());
                parsed[i][1] = pr.length == 2 ? Long.parseLong(pr[1].trim()) : 0;
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (parsed[i][0] < 0 || parsed[i][1] < 0) {
                return Optional.empty();
            }
        }
        if (elems.length == 1 && parsed[0][0] == 0 && parsed[0][1] == 0) {
            return Optional.empty();
        }
        long[] e = parsed[Math.min(Math.max(index, 0), parsed.length - 1)];
        long extra = e[1] == 0 ? 0 : rnd.nextLong(e[1] + 1);
        return Optional.of(e[0] + extra);
    }

    @Override
    public int compareVersions(String a, String b) {
        return Conditions.compareVersions(a, b);
    }

    /** Drops everything from the first {@code #} outside quotes and brackets (SPEC §6.1). */
    static String stripComment(String rule) {
        boolean q = false;
        int br = 0;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '"') {
                q = !q;
            } else if (!q && c == '[') {
                br++;
            } else if (!q && c == ']') {
                br = Math.max(0, br - 1);
            } else if (!q && br == 0 && c == '#') {
                return rule.substring(0, i);
            }
        }
        return rule;
    }

    /** Splits at {@code |} outside quotes, brackets and parentheses. */
    static List<String> split(String rule) {
        List<String> out = new ArrayList<>();
        boolean q = false;
        int depth = 0;
        int from = 0;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '"') {
                q = !q;
            } else if (!q && (c == '[' || c == '(')) {
                depth++;
            } else if (!q && (c == ']' || c == ')')) {
                depth = Math.max(0, depth - 1);
            } else if (!q && depth == 0 && c == '|') {
                out.add(rule.substring(from, i));
                from = i + 1;
            }
        }
        if (q) {
            throw new IllegalArgumentException("unterminated quote in rule");
        }
        out.add(rule.substring(from));
        return out;
    }

    /** One alternative: [ (cond)? ] [ (assignments)! ] [ [options] ] [ url ]. */
    private record Term(String condition, String assignments, String options, String url) {
        static Term parse(String t) {
            String cond = null;
            String assign = null;
            String opts = null;
            String rest = t;
            while (rest.startsWith("(")) {
                int end = closing(rest, '(', ')');
                if (end + 1 >= rest.length()) {
                    throw new IllegalArgumentException("expected ')?' or ')!' in rule");
                }
                char kind = rest.charAt(end + 1);
                String inner = rest.substring(1, end).trim();
                if (kind == '?' && cond == null && assign == null) {
                    cond = inner;
                } else if (kind == '!' && assign == null) {
                    assign = inner;
                } else {
                    throw new IllegalArgumentException("expected ')?' or ')!' in rule");
                }
                rest = rest.substring(end + 2).trim();
            }
            if (rest.startsWith("[")) {
                int end = closing(rest, '[', ']');
                opts = rest.substring(1, end).trim();
                rest = rest.substring(end + 1).trim();
            }
            return new Term(cond, assign, opts, rest);
        }

        private static int closing(String s, char open, char close) {
            boolean q = false;
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    q = !q;
                } else if (!q && c == close) {
                    return i;
                }
            }
            throw new IllegalArgumentException("missing '" + close + "' in rule");
        }

        RuleChoice select(Map<String, String> vars) {
            Map<String, String> assigned = new LinkedHashMap<>();
            if (assignments != null) {
                for (String a : splitAssignments(assignments)) {
                    int eq = a.indexOf('=');
                    if (eq < 0) {
                        return new RuleChoice.BadRule("assignment without '=' in rule");
                    }
                    String name = a.substring(0, eq).trim();
                    String v = a.substring(eq + 1).trim();
                    if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
                        return new RuleChoice.BadRule("assignment value of " + name + " must be quoted");
                    }
                    if (name.matches("[a-p]")) {
                        name = "GPP_" + name.toUpperCase(Locale.ROOT);
                    }
                    assigned.put(name, Macros.expand(v.substring(1, v.length() - 1), vars));
                }
            }
            Optional<String> key = Optional.empty();
            Optional<Character> post = Optional.empty();
            Optional<Character> alias = Optional.empty();
            if (options != null) {
                List<String> toks = tokens(options);
                for (int i = 0; i < toks.size(); i++) {
                    String o = toks.get(i);
                    if (i + 1 >= toks.size()) {
                        return new RuleChoice.BadRule("option " + o + " needs an argument");
                    }
                    String arg = toks.get(++i);
                    switch (o) {
                        case "--key" -> key = Optional.of(arg);
                        case "--post", "--alias" -> {
                            if (!arg.matches("[a-pA-P]")) {
                                return new RuleChoice.BadRule("option " + o + " wants a letter a..p");
                            }
                            Character c = Character.toUpperCase(arg.charAt(0));
                            if (o.equals("--post")) {
                                post = Optional.of(c);
                            } else {
                                alias = Optional.of(c);
                            }
                        }
                        default -> {
                            return new RuleChoice.BadRule("unknown option " + o);
                        }
                    }
                }
            }
            Optional<RuleTarget> target = Optional.empty();
            if (!url.isEmpty()) {
                target = RuleTarget.parse(Macros.expand(url, vars), "tftp");
                if (target.isEmpty()) {
                    return new RuleChoice.BadRule("bad url");
                }
            }
            return new RuleChoice.Selected(Optional.ofNullable(condition), assigned, key, post, alias, target);
        }

        private static List<String> splitAssignments(String s) {
            List<String> out = new ArrayList<>();
            boolean q = false;
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    q = !q;
                } else if (!q && c == ';') {
                    if (!s.substring(from, i).isBlank()) {
                        out.add(s.substring(from, i));
                    }
                    from = i + 1;
                }
            }
            if (!s.substring(from).isBlank()) {
                throw new IllegalArgumentException("assignment without ';' in rule");
            }
            return out;
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
                        throw new IllegalArgumentException("unterminated quote in options");
                    }
                    out.add(s.substring(i, end + 1));
                    i = end + 1;
                } else {
                    int j = i;
                    while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    out.add(s.substring(i, j));
                    i = j;
                }
            }
            return out;
        }
    }
}
