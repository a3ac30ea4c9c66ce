package org.spaprov.profile.text;

import java.util.function.Function;
import org.spaprov.profile.Access;
import org.spaprov.profile.ParamNames;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;

/**
 * Writes a {@link Profile}'s effective statements in the plain-text format (SPEC §2.2):
 * {@code Name[1] ! "value" ;}. The plain-text format cannot say "access unchanged" together with a
 * value (no mark means no access), so a statement without access is written with no mark.
 * A value containing {@code "} cannot be written (the format has no escapes) and is refused.
 */
public final class TextProfileWriter {
    private TextProfileWriter() {
    }

    /** Writes with {@link ParamNames#toText} for names. */
    public static String write(Profile p) {
        return write(p, ParamNames::toText);
    }

    /** Writes with the given XML → text name mapping (usually the catalog's), without comments. */
    public static String write(Profile p, Function<String, String> textNameOf) {
        return write(p, textNameOf, null);
    }

    /**
     * Writes with the given name mapping and a trailing {@code # comment} after each statement for
     * which {@code commentOf} (XML name → one-line text without the {@code #}) returns non-null, as
     * the guide's sample profiles do: {@code Default_Ring[1] ! "1" ; # options: 1/2/3}. A null
     * {@code commentOf} writes no comments (the same output as {@link #write(Profile, Function)}).
     *
     * @throws IllegalArgumentException for a value containing {@code "} or a comment containing a line break
     */
    public static String write(Profile p, Function<String, String> textNameOf, Function<String, String> commentOf) {
        StringBuilder b = new StringBuilder(p.statements().size() * 40);
        for (Setting s : p.effective().values()) {
            if (s.value() != null && s.value().indexOf('"') >= 0) {
                throw new IllegalArgumentException(
                        "the value of " + s.name() + " contains '\"', which the plain-text format cannot express");
            }
            b.append(textNameOf.apply(s.name()));
            Access a = s.access() == null ? Access.NA : s.access();
            if (!a.mark().isEmpty()) {
                b.append(' ').append(a.mark());
            }
            if (s.value() != null) {
                b.append(" \"").append(s.value()).append('"');
            }
            b.append(" ;");
            String comment = commentOf == null ? null : commentOf.apply(s.name());
            if (comment != null) {
                // A comment runs to the end of the line: a line break would turn its rest into statements.
                if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("the comment for " + s.name() + " contains a line break");
                }
                b.append(" # ").append(comment);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
