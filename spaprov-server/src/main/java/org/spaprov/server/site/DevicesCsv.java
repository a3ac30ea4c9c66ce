package org.spaprov.server.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spaprov.profile.Mac;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.device.DeviceRecord;

/**
 * Reads {@code devices.csv}: a header line naming the columns {@code mac,model,serial,groups,key}
 * (any order; {@code mac} and {@code model} required) plus {@code var.<name>} columns, then one
 * device per line. {@code groups} are separated by {@code ;} or spaces and apply in that order. Fields
 * may be double-quoted ({@code ""} for a quote). Blank lines and lines starting with {@code #} are
 * skipped. Errors name {@code devices.csv:LINE} and never quote a key or variable value. Stateless.
 */
public final class DevicesCsv {
    /** The file name inside a site. */
    public static final String FILE = "devices.csv";
    private static final Set<String> COLUMNS = Set.of("mac", "model", "serial", "groups", "key");

    private DevicesCsv() {
    }

    /** Parses the file; {@code groupExists} checks each group against {@code layers/group/}. */
    public static List<DeviceRecord> parse(byte[] bytes, java.util.function.Predicate<String> groupExists)
            throws SiteException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<String> header = null;
        int headerLine = 0;
        Map<String, DeviceRecord> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = split(line, lineNo);
            if (header == null) {
                header = new ArrayList<>();
                for (String h : fields) {
                    String c = h.trim();
                    if (c.isEmpty()) {
                        header.add("");
                        continue;
                    }
                    String lc = c.toLowerCase(Locale.ROOT);
                    if (!COLUMNS.contains(lc) && !(lc.startsWith("var.") && c.length() > 4)) {
                        throw SiteException.at(FILE, lineNo, "unknown column '" + c
                                + "' (known: mac, model, serial, groups, key, var.<name>)");
                    }
                    header.add(lc.startsWith("var.") ? "var." + c.substring(4) : lc);
                }
                if (!header.contains("mac") || !header.contains("model")) {
                    throw SiteException.at(FILE, lineNo, "the header needs the columns mac and model");
                }
                headerLine = lineNo;
                continue;
            }
            if (fields.size() > header.size()) {
                throw SiteException.at(FILE, lineNo, fields.size() + " fields but the header (line " + headerLine
                        + ") has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            Map<String, String> vars = new LinkedHashMap<>();
            for (int c = 0; c < fields.size(); c++) {
                String v = fields.get(c).trim();
                if (header.get(c).isEmpty()) {
                    continue;
                }
                if (header.get(c).startsWith("var.")) {
                    if (!v.isEmpty()) {
                        vars.put(header.get(c).substring(4), v);
                    }
                } else {
                    row.put(header.get(c), v);
                }
            }
            String rawMac = row.getOrDefault("mac", "");
            String mac = Mac.tryParse(rawMac).map(Mac::hex).orElseThrow(() -> SiteException.at(FILE, lineNo,
                    "'" + rawMac + "' is not a MAC address (12 hex digits)"));
            String rawModel = row.getOrDefault("model", "");
            String model = Catalogs.forName(rawModel).map(Catalog::model).orElseThrow(() -> SiteException.at(FILE, lineNo,
                    "device " + mac + ": unknown model '" + rawModel + "'"));
            List<String> groups = new ArrayList<>();
            for (String g : row.getOrDefault("groups", "").split("[;\\s]+")) {
                if (g.isEmpty()) {
                    continue;
                }
                if (!g.matches("[A-Za-z0-9_.-]+") || g.startsWith(".")) {
                    throw SiteException.at(FILE, lineNo, "device " + mac + ": bad group name '" + g + "'");
                }
                if (!groupExists.test(g)) {
                    throw SiteException.at(FILE, lineNo, "device " + mac + ": group '" + g
                            + "' has no layers/group/" + g + ".xml");
                }
                groups.add(g);
            }
            Optional<String> key = Optional.ofNullable(row.get("key")).filter(k -> !k.isEmpty());
            if (key.isPresent() && !key.get().chars().allMatch(ch -> ch > 32 && ch < 127)) {
                throw SiteException.at(FILE, lineNo, "device " + mac + ": the key must be printable ASCII without spaces");
            }
            DeviceRecord d = new DeviceRecord(mac, model, Optional.ofNullable(row.get("serial")).filter(s -> !s.isEmpty()),
                    groups, key, vars, DeviceRecord.Source.SITE);
            if (out.put(mac, d) != null) {
                throw SiteException.at(FILE, lineNo, "device " + mac + " is listed twice");
            }
        }
        return List.copyOf(out.values());
    }

    private static List<String> split(String line, int lineNo) throws SiteException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw SiteException.at(FILE, lineNo, "unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }
}
