package org.spaprov.profile.xml;

import java.util.function.Function;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;

/**
 * Writes a {@link Profile}'s effective statements as an XML {@code <flat-profile>} (SPEC §1),
 * one element per line: {@code <Name ua="rw">value</Name>}; {@code <Name/>} when the statement
 * leaves the value unchanged; {@code <Name></Name>} for the empty string. Text is escaped and
 * non-ASCII characters become numeric references (the device reads ASCII only). Stateless.
 */
public final class XmlProfileWriter {
    private XmlProfileWriter() {
    }

    public static String write(Profile p) {
        return write(p, name -> null);
    }

    /** As {@link #write(Profile)}, adding {@code group="Page/Section"} where {@code groupOf} knows one. */
    public static String write(Profile p, Function<String, String> groupOf) {
        StringBuilder b = new StringBuilder(64 + p.statements().size() * 48);
        b.append("<flat-profile>\n");
        for (Setting s : p.effective().values()) {
            b.append("  <").append(s.name());
            String group = groupOf.apply(s.name());
            if (group != null && !group.isEmpty()) {
                b.append(" group=\"");
                escape(group, b, true);
                b.append('"');
            }
            if (s.access() != null) {
                b.append(" ua=\"").append(s.access().xml()).append('"');
            }
            if (s.value() == null) {
                b.append("/>\n");
            } else {
                b.append('>');
                escape(s.value(), b, false);
                b.append("</").append(s.name()).append(">\n");
            }
        }
        b.append("</flat-profile>\n");
        return b.toString();
    }

    static void escape(String s, StringBuilder b, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        int cp = Character.codePointAt(s, i);
                        if (Character.charCount(cp) == 2) {
                            i++;
                        }
                        b.append("&#").append(cp).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }
}
