package org.spaprov.profile.text;

import java.util.ArrayDeque;
import java.util.Deque;
import org.spaprov.profile.Access;
import org.spaprov.profile.ParamNames;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;

/**
 * Reads the plain-text (SPC source) format of SPEC §2.2:
 * <pre>
 *   statement = name [ "!" | "?" ] [ '"' value '"' ] ";"     # comment
 *   import file                                                (at the start of a line)
 * </pre>
 * {@code !} = user read-write, {@code ?} = read-only, no mark = no access. No value leaves the value
 * unchanged. There are no escapes: a value ends at the next {@code "} (SPEC §15.8); new lines inside
 * a value become spaces, as in XML. Names keep {@code [ ] ( ) /} and are mapped to XML names
 * ({@code Line_Enable[1]} → {@code Line_Enable_1_}). Imports nest up to {@value #MAX_IMPORT_DEPTH}
 * deep and cycles are errors. Stateless and thread-safe.
 */
public final class TextProfileReader {
    public static final int MAX_IMPORT_DEPTH = 16;
    public static final int MAX_CHARS = 8 * 1024 * 1024;

    private TextProfileReader() {
    }

    public static Profile read(String text, String fileName) throws ProfileException {
        return read(text, fileName, ImportResolver.NONE);
    }

    public static Profile read(String text, String fileName, ImportResolver resolver) throws ProfileException {
        Profile.Builder out = Profile.builder();
        Deque<String> stack = new ArrayDeque<>();
        parse(text, fileName, resolver, out, stack);
        return out.build();
    }

    private static void parse(String text, String file, ImportResolver resolver, Profile.Builder out,
                              Deque<String> stack) throws ProfileException {
        if (text.length() > MAX_CHARS) {
            throw new ProfileException(new Position(file, 1, 1), "profile is larger than " + MAX_CHARS + " characters");
        }
        stack.push(file);
        new Lexer(text, file, resolver, out, stack).run();
        stack.pop();
    }

    /** A hand-written scanner over one file; tracks line and column for every token. */
    private static final class Lexer {
        private final String s;
        private final String file;
        private final ImportResolver resolver;
        private final Profile.Builder out;
        private final Deque<String> stack;
        private int i;
        private int line = 1;
        private int lineStart;

        Lexer(String s, String file, ImportResolver resolver, Profile.Builder out, Deque<String> stack) {
            this.s = s;
            this.file = file;
            this.resolver = resolver;
            this.out = out;
            this.stack = stack;
        }

        private Position here() {
            return new Position(file, line, i - lineStart + 1);
        }

        private void advance() {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
            i++;
        }

        private void skipSpaceAndComments() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (Character.isWhitespace(c)) {
                    advance();
                } else {
                    return;
                }
            }
        }

        void run() throws ProfileException {
            while (true) {
                skipSpaceAndComments();
                if (i >= s.length()) {
                    return;
                }
                if (atLineStart() && s.startsWith("import", i) && i + 6 < s.length()
                        && (s.charAt(i + 6) == ' ' || s.charAt(i + 6) == '\t')) {
                    doImport();
                } else {
                    statement();
                }
            }
        }

        private boolean atLineStart() {
            for (int k = lineStart; k < i; k++) {
                if (s.charAt(k) != ' ' && s.charAt(k) != '\t') {
                    return false;
                }
            }
            return true;
        }

        private void doImport() throws ProfileException {
            Position at = here();
            int end = s.indexOf('\n', i);
            if (end < 0) {
                end = s.length();
            }
            String rest = s.substring(i + 6, end);
            int hash = rest.indexOf('#');
            String name = (hash >= 0 ? rest.substring(0, hash) : rest).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.isEmpty()) {
                throw new ProfileException(at, "import needs a file name");
            }
            while (i < end) {
                i++;
            }
            if (stack.size() >= MAX_IMPORT_DEPTH) {
                throw new ProfileException(at, "imports nested more than " + MAX_IMPORT_DEPTH + " deep");
            }
            ImportResolver.Source src = resolver.resolve(file, name, at);
            if (stack.contains(src.fileName())) {
                throw new ProfileException(at, "import cycle: " + src.fileName() + " imports itself");
            }
            parse(src.text(), src.fileName(), resolver, out, stack);
        }

        private void statement() throws ProfileException {
            Position nameAt = here();
            int start = i;
            while (i < s.length() && isNameChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new ProfileException(nameAt, "expected a parameter name, found '" + printable(s.charAt(i)) + "'");
            }
            String textName = s.substring(start, i);
            skipSpaceAndComments();
            Access access = Access.NA;
            if (i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '?')) {
                access = s.charAt(i) == '!' ? Access.RW : Access.RO;
                i++;
                skipSpaceAndComments();
            }
            String value = null;
            Position valueAt = nameAt;
            if (i < s.length() && s.charAt(i) == '"') {
                Position open = here();
                advance();
                valueAt = here();
                int vs = i;
                while (i < s.length() && s.charAt(i) != '"') {
                    advance();
                }
                if (i >= s.length()) {
                    throw new ProfileException(open, "unterminated string for " + shown(textName) + " (values end at the next '\"')");
                }
                value = foldNewlines(s.substring(vs, i));
                i++;
                skipSpaceAndComments();
            }
            if (i >= s.length() || s.charAt(i) != ';') {
                Position at = i >= s.length() ? here() : here();
                String found = i >= s.length() ? "end of file" : "'" + printable(s.charAt(i)) + "'";
                throw new ProfileException(at, "expected ';' after " + shown(textName) + ", found " + found);
            }
            i++;
            out.add(new Setting(ParamNames.toXml(textName), value, access, valueAt));
        }

        private static boolean isNameChar(char c) {
            return !(Character.isWhitespace(c) || c == '!' || c == '?' || c == '"' || c == ';' || c == '#');
        }

        private static String printable(char c) {
            return org.spaprov.profile.Printable.of(String.valueOf(c));
        }

        /**
         * A parameter name for a message: inside an imported file it is not quoted at all (an import
         * of a file that is no profile must not print its lines), else cut to 64 characters.
         */
        private String shown(String textName) {
            if (stack.size() > 1) {
                return "the parameter name";
            }
            return textName.length() <= 64 ? textName : textName.substring(0, 64) + "...";
        }

        private static String foldNewlines(String v) {
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                return v;
            }
            return v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        }
    }
}
