package org.spaprov.cli.tutorial;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a command's output shows what a document says it shows: every expected line appears in the
 * actual output, in order, as a whole line (other lines may come between, e.g. warnings). In an expected
 * line {@code ...} stands for any text (a line of just {@code ...} matches any one line). Trailing
 * white space is ignored.
 */
final class OutputMatch {
    private OutputMatch() {
    }

    /** Empty when {@code actual} shows {@code expected}, else the first expected line not found. */
    static Optional<String> firstMissing(String expected, String actual) {
        List<String> want = expected.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        List<String> got = actual.lines().map(String::stripTrailing).toList();
        int at = 0;
        for (String w : want) {
            Pattern p = pattern(w);
            while (at < got.size() && !p.matcher(got.get(at)).matches()) {
                at++;
            }
            if (at == got.size()) {
                return Optional.of(w);
            }
            at++;
        }
        return Optional.empty();
    }

    private static Pattern pattern(String line) {
        StringBuilder re = new StringBuilder();
        String[] parts = line.split("\\.\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
