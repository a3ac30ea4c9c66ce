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
        Map<String, DeviceRecord> out = new LinkedHashMap<>();
        for (Row r : rows(bytes, FILE)) {
            DeviceRecord d;
            try {
                d = r.record(groupExists, DeviceRecord.Source.SITE);
            } catch (IllegalArgumentException e) {
                throw SiteException.at(FILE, r.line(), e.getMessage());
            }
            if (out.put(d.mac(), d) != null) {
                throw SiteException.at(FILE, r.line(), "device " + d.mac() + " is listed twice");
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * One device line, split by the header but not yet checked ({@link #record}).
     *
     * @param line   its line number in the file (1-based)
     * @param fields the known columns present ({@code mac}, {@code model}, ...), trimmed
     * @param vars   the non-empty {@code var.<name>} columns by name
     * @param error  why the line cannot become a device even before checking (too many fields)
     */
    public record Row(int line, Map<String, String> fields, Map<String, String> vars, Optional<String> error) {
        public Row {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        }

        /**
         * The device this line describes, from {@code source}.
         *
         * @throws IllegalArgumentException with a one-line message that names no key or variable value
         */
        public DeviceRecord record(java.util.function.Predicate<String> groupExists, DeviceRecord.Source source) {
            if (error.isPresent()) {
                throw new IllegalArgumentException(error.get());
            }
            return DevicesCsv.record(fields, vars, groupExists, source);
        }
    }

    /**
     * Splits {@code bytes} into device lines under its header (blank and {@code #} lines skipped).
     *
     * @param file what errors in the header name ({@code devices.csv}, or the upload's name)
     * @throws SiteException when the header is missing or wrong, or a quote is not closed
     */
    public static List<Row> rows(byte[] bytes, String file) throws SiteException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<String> header = null;
        int headerLine = 0;
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = split(line, lineNo, file);
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
                        throw SiteException.at(file, lineNo, "unknown column '" + c
                                + "' (known: mac, model, serial, groups, key, var.<name>)");
                    }
                    header.add(lc.startsWith("var.") ? "var." + c.substring(4) : lc);
                }
                if (!header.contains("mac") || !header.contains("model")) {
                    throw SiteException.at(file, lineNo, "the header needs the columns mac and model");
                }
                headerLine = lineNo;
                continue;
            }
            if (fields.size() > header.size()) {
                out.add(new Row(lineNo, Map.of(), Map.of(), Optional.of(fields.size() + " fields but the header (line "
                        + headerLine + ") has " + header.size())));
                continue;
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
            out.add(new Row(lineNo, row, vars, Optional.empty()));
        }
        return List.copyOf(out);
    }

    /**
     * Checks one device's columns (as in the file: {@code groups} separated by {@code ;} or spaces) and makes
     * its record. Shared by the site's file and the admin API, so both accept the same devices.
     *
     * @throws IllegalArgumentException with a one-line message that names no key or variable value
     */
    public static DeviceRecord record(Map<String, String> row, Map<String, String> vars,
            java.util.function.Predicate<String> groupExists, DeviceRecord.Source source) {
        String rawMac = row.getOrDefault("mac", "");
        String mac = Mac.tryParse(rawMac).map(Mac::hex).orElseThrow(() -> new IllegalArgumentException(
                "'" + rawMac + "' is not a MAC address (12 hex digits)"));
        String rawModel = row.getOrDefault("model", "");
        String model = Catalogs.forName(rawModel).map(Catalog::model).orElseThrow(() -> new IllegalArgumentException(
                "device " + mac + ": unknown model '" + rawModel + "'"));
        List<String> groups = new ArrayList<>();
        for (String g : row.getOrDefault("groups", "").split("[;\\s]+")) {
            if (g.isEmpty()) {
                continue;
            }
            if (!g.matches("[A-Za-z0-9_.-]+") || g.startsWith(".")) {
                throw new IllegalArgumentException("device " + mac + ": bad group name '" + g + "'");
            }
            if (!groupExists.test(g)) {
                throw new IllegalArgumentException("device " + mac + ": group '" + g + "' has no layers/group/" + g
                        + ".xml");
            }
            groups.add(g);
        }
        Optional<String> key = Optional.ofNullable(row.get("key")).filter(k -> !k.isEmpty());
        if (key.isPresent() && !key.get().chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw new IllegalArgumentException("device " + mac + ": the key must be printable ASCII without spaces");
        }
        return new DeviceRecord(mac, model, Optional.ofNullable(row.get("serial")).filter(s -> !s.isEmpty()), groups,
                key, vars, source);
    }

    private static List<String> split(String line, int lineNo, String file) throws SiteException {
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
            throw SiteException.at(file, lineNo, "unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }
}
