package org.spaprov.profile.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.spaprov.profile.Access;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;
import org.spaprov.profile.alias.AliasMap;

/**
 * Reads an XML {@code <flat-profile>} document (SPEC §1) into a {@link Profile}.
 *
 * <ul>
 *   <li>{@code flat-profile} is matched by local name at any depth; namespaces, {@code group},
 *       {@code xsi:*} and other attributes are ignored; only its direct children are parameters.</li>
 *   <li>{@code <X/>} leaves the value unchanged; {@code <X></X>} and {@code <X> </X>} set the empty
 *       string; text is trimmed and new lines become spaces; the last occurrence wins (in
 *       {@link Profile#effective()}).</li>
 *   <li>{@code ua="na|ro|rw"} sets the access; an unknown {@code ua} is ignored with a note.</li>
 *   <li>With an {@link AliasMap}, any element whose path matches an alias sets the aliased parameter.</li>
 *   <li>No DTDs, no external entities; size, depth and text length are bounded
 *       ({@value #MAX_BYTES} bytes, depth {@value #MAX_DEPTH}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class XmlProfileReader {
    /** Largest document accepted, in bytes. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Longest text of one element, in characters. */
    public static final int MAX_TEXT = 64 * 1024;

    private static final String ROOT = "flat-profile";
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlProfileReader() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 4096);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, 200_000L);
        return f;
    }

    public static Profile read(byte[] xml, String fileName) throws ProfileException {
        return read(xml, fileName, AliasMap.empty());
    }

    public static Profile read(String xml, String fileName) throws ProfileException {
        return read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), fileName, AliasMap.empty());
    }

    /** Reads {@code xml}; {@code fileName} only names the source in positions and messages. */
    public static Profile read(byte[] xml, String fileName, AliasMap aliases) throws ProfileException {
        if (xml.length > MAX_BYTES) {
            throw new ProfileException(new Position(fileName, 1, 1),
                    "profile is larger than " + MAX_BYTES + " bytes");
        }
        XMLStreamReader2 r = null;
        try {
            r = (XMLStreamReader2) FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            return new Walk(r, fileName, aliases).run();
        } catch (XMLStreamException e) {
            throw new ProfileException(position(fileName, e.getLocation()), cleanMessage(e));
        } catch (RuntimeException e) {
            // Woodstox reports some limit violations as unchecked exceptions.
            throw new ProfileException(new Position(fileName, 1, 1), "malformed XML: " + firstLine(e.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.closeCompletely();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    private static Position position(String file, Location loc) {
        if (loc == null) {
            return new Position(file, 1, 1);
        }
        return new Position(file, Math.max(1, loc.getLineNumber()), Math.max(1, loc.getColumnNumber()));
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int msg = m.indexOf("Message: ");
        if (msg >= 0) {
            m = m.substring(msg + "Message: ".length()); // JDK-style "ParseError at [row,col]:[r,c]\nMessage: ..."
        }
        int at = m.indexOf("\n at [");
        if (at >= 0) {
            m = m.substring(0, at); // Woodstox-style "...\n at [row,col {unknown-source}]: [r,c]"
        }
        m = firstLine(m).strip();
        if (m.contains("DOCTYPE") || m.contains("DTD")) {
            return "DTDs are not allowed in profiles";
        }
        return "malformed XML: " + m;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One pass over the event stream. */
    private static final class Walk {
        private final XMLStreamReader2 r;
        private final String file;
        private final AliasMap aliases;
        private final List<String> path = new ArrayList<>();
        private final Profile.Builder out = Profile.builder();
        /** Depth of the innermost open {@code flat-profile}, or -1. */
        private int flatDepth = -1;

        Walk(XMLStreamReader2 r, String file, AliasMap aliases) {
            this.r = r;
            this.file = file;
            this.aliases = aliases;
        }

        Profile run() throws XMLStreamException {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DTDs are not allowed in profiles", r.getLocation());
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    startElement();
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                    if (path.size() < flatDepth) {
                        flatDepth = -1;
                    }
                }
            }
            return out.build();
        }

        private void startElement() throws XMLStreamException {
            String name = r.getLocalName();
            Position at = position(file, r.getLocation());
            path.add(name);
            int depth = path.size();
            if (flatDepth < 0 && ROOT.equals(name)) {
                flatDepth = depth;
                return;
            }
            Optional<String> aliased = aliases.isEmpty() ? Optional.empty() : aliases.match(path);
            boolean direct = flatDepth >= 0 && depth == flatDepth + 1;
            if (!direct && aliased.isEmpty()) {
                if (flatDepth >= 0 && depth > flatDepth + 1) {
                    out.note(Finding.warning(at, "element <" + name + "> nested inside a parameter is ignored"));
                }
                return;
            }
            String target = aliased.orElse(name);
            Access access = readAccess(at);
            boolean empty = r.isEmptyElement();
            if (empty) {
                out.add(new Setting(target, null, access, at));
                return; // END_ELEMENT follows and pops the path
            }
            readValue(target, access, at);
        }

        private Access readAccess(Position at) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if ("ua".equals(r.getAttributeLocalName(i)) && r.getAttributeNamespace(i) == null
                        || "ua".equals(r.getAttributeLocalName(i)) && "".equals(r.getAttributeNamespace(i))) {
                    String ua = r.getAttributeValue(i);
                    Optional<Access> a = Access.fromXml(ua);
                    if (a.isEmpty()) {
                        out.note(Finding.warning(at, "unknown ua=\"" + ua + "\" ignored (expected na, ro or rw)"));
                    }
                    return a.orElse(null);
                }
            }
            return null;
        }

        /** Collects the element's text up to its end tag; child elements are ignored with a note. */
        private void readValue(String target, Access access, Position elementAt) throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            Position valueAt = null;
            int nested = 0;
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (nested == 0) {
                            if (valueAt == null) {
                                valueAt = firstNonSpace(r.getText(), position(file, r.getLocation()));
                            }
                            text.append(r.getText());
                            if (text.length() > MAX_TEXT) {
                                throw new XMLStreamException("value of <" + target + "> is too long", r.getLocation());
                            }
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (nested == 0) {
                            out.note(Finding.warning(position(file, r.getLocation()),
                                    "element <" + r.getLocalName() + "> nested inside <" + target + "> is ignored"));
                        }
                        nested++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (nested == 0) {
                            path.remove(path.size() - 1);
                            out.add(new Setting(target, fold(text), access, valueAt == null ? elementAt : valueAt));
                            return;
                        }
                        nested--;
                    }
                    default -> {
                        // comments and processing instructions inside values are ignored
                    }
                }
            }
        }

        private static Position firstNonSpace(String s, Position start) {
            int line = start.line();
            int col = start.column();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    col++;
                } else {
                    break;
                }
            }
            return new Position(start.file(), line, col);
        }
    }

    /** Trims white space and turns each new line (CRLF, CR or LF) into one space (SPEC §1.2). */
    static String fold(CharSequence raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        StringBuilder b = null;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                if (b == null) {
                    b = new StringBuilder(end - start);
                    b.append(raw, start, i);
                }
                if (c == '\r' && i + 1 < end && raw.charAt(i + 1) == '\n') {
                    i++;
                }
                b.append(' ');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? raw.subSequence(start, end).toString() : b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
