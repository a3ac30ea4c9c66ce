package org.spaprov.device.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.spaprov.profile.Access;
import org.spaprov.profile.Position;
import org.spaprov.profile.Setting;

/**
 * Reads the device's view of an XML profile (SPEC §1, §10.1, §15.2, §15.18): direct children of
 * {@code <flat-profile>} (namespaces ignored) and elements matched by the alias map. {@code <X/>}
 * leaves the value unchanged; {@code <X></X>} sets "". No DTDs, no external entities.
 */
final class FlatProfileParser {
    /** Deepest element nesting read before the file is called corrupt. */
    static final int MAX_DEPTH = 32;

    private static final XMLInputFactory FACTORY = factory();

    private FlatProfileParser() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * @throws ContentCodec.DecodeException "corrupt file" for XML that does not parse
     */
    static List<Setting> parse(byte[] xml, String fileName, AliasTable aliases) throws ContentCodec.DecodeException {
        List<Setting> out = new ArrayList<>();
        try {
            XMLStreamReader2 r = (XMLStreamReader2) FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<String> path = new ArrayList<>();
            StringBuilder text = null;
            boolean leaf = false;
            boolean empty = false;
            Access ua = null;
            int line = 0;
            int col = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.add(r.getLocalName());
                    if (path.size() > MAX_DEPTH) {
                        throw new ContentCodec.DecodeException("corrupt file");
                    }
                    leaf = true;
                    empty = r.isEmptyElement();
                    text = new StringBuilder();
                    String u = r.getAttributeValue(null, "ua");
                    ua = u == null ? null : Access.fromXml(u).orElse(null);
                    line = r.getLocation().getLineNumber();
                    col = r.getLocation().getColumnNumber();
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (text != null) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (leaf && path.size() >= 2) {
                        String name = aliases.map(path);
                        if (name == null && path.size() == 2 && path.get(0).equals("flat-profile")) {
                            name = path.get(1);
                        }
                        if (name != null) {
                            String v = empty ? null : text.toString().trim();
                            out.add(new Setting(name, v, ua, new Position(fileName, line, col)));
                        }
                    }
                    leaf = false;
                    text = null;
                    path.remove(path.size() - 1);
                }
            }
            return out;
        } catch (XMLStreamException | RuntimeException e) {
            throw new ContentCodec.DecodeException("corrupt file");
        }
    }
}
