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

    /** Writes with the given XML → text name mapping (usually the catalog's). */
    public static String write(Profile p, Function<String, String> textNameOf) {
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
            b.append(" ;\n");
        }
        return b.toString();
    }
}
