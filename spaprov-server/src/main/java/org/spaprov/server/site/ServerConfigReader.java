package org.spaprov.server.site;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.config.ServerConfig.Listen;
import org.spaprov.server.config.ServerConfig.Naming;
import org.spaprov.server.config.ServerConfig.Tftp;
import org.spaprov.server.config.ServerConfig.Throttle;
import org.spaprov.server.config.ServerConfig.Tls;
import org.spaprov.server.config.ServerConfig.UnknownDevicePolicy;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.config.ServerConfig.Listen;
import org.spaprov.server.config.ServerConfig.Naming;
import org.spaprov.server.config.ServerConfig.Throttle;
import org.spaprov.server.config.ServerConfig.Tftp;
import org.spaprov.server.config.ServerConfig.Events;
import org.spaprov.server.config.ServerConfig.Http;
import org.spaprov.server.config.ServerConfig.PlainSecrets;
import org.spaprov.server.config.ServerConfig.Security;
import org.spaprov.server.config.ServerConfig.Tls;
import org.spaprov.server.config.ServerConfig.UnknownDevicePolicy;

/**
 * Reads {@code spaprov.yaml} into a {@link ServerConfig}. Every key is optional; an unknown key, a
 * value of the wrong type or out of range stops with {@code spaprov.yaml:LINE: error: key: ...}.
 * Stateless and thread-safe.
 *
 * <pre>
 * listen:   {bind: 0.0.0.0, public-host: prov.example.net, tftp: 69, http: 80, https: 443, admin: -1, syslog: -1}
 * tls:      {cert: pki/server.crt, key: pki/server.key, client-ca: pki/ca.crt, client-certs: optional}
 * store:    jdbc:postgresql://db/spaprov          # default: H2 file in the data directory; or a map:
 * store:    {url: jdbc:..., events: {keep: 30d, max-rows: 1000000}, reports: {keep: 10}}
 * devices:  {unknown: deny}                        # deny | bootstrap-only | auto-add
 * throttle: {window: 60s, limit: 20}
 * reports:  reports                                # relative to the data directory
 * naming:   {profiles: [spa$MA.cfg, ...], plain: [spa$MA.xml, ...], bootstrap: [spa$PSN.cfg, ...]}
 * profiles: {gzip: false}
 * firmware: {spa2102: 5.2.12}
 * firmware-url: http://$SERV:8080/firmware/
 * tftp:     {max-transfers: 1024, max-blksize: 65464, timeout: 1s, retries: 5,
 *            transfers-per-address: 256, stalled-per-address: 32, max-upload: 1MiB, uploads-total: 16MiB,
 *            max-client-timeout: 5s}
 * http:     {head-timeout: 10s, tls-handshake-timeout: 10s, connections-per-address: 256, max-connections: auto}
 * security: {plain-secrets: deny}                  # deny | allow
 * push:     {sip-proxy: sbc.example.net:5060, http: false, http-port: 80, rate: 50, timeout: 4s}
 * </pre>
 */
public final class ServerConfigReader {
    /** The file name inside a site. */
    public static final String FILE = "spaprov.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(KiB|MiB|GiB)?");
    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("", Set.of("listen", "tls", "store", "devices", "throttle", "reports", "naming", "profiles",
                    "firmware", "firmware-url", "tftp", "http", "security", "push")),
            Map.entry("push", Set.of("sip-proxy", "http", "http-port", "rate", "timeout")),
            Map.entry("security", Set.of("plain-secrets")),
            Map.entry("store", Set.of("url", "events", "reports")),
            Map.entry("store.reports", Set.of("keep")),
            Map.entry("store.events", Set.of("keep", "max-rows")),
            Map.entry("listen", Set.of("bind", "public-host", "tftp", "http", "https", "admin", "syslog")),
            Map.entry("tls", Set.of("cert", "key", "client-ca", "client-certs")),
            Map.entry("devices", Set.of("unknown")),
            Map.entry("throttle", Set.of("window", "limit")),
            Map.entry("naming", Set.of("profiles", "plain", "bootstrap")),
            Map.entry("profiles", Set.of("gzip")),
            Map.entry("tftp", Set.of("max-transfers", "max-blksize", "timeout", "retries", "transfers-per-address",
                    "stalled-per-address", "max-upload", "uploads-total", "max-client-timeout")),
            Map.entry("http", Set.of("head-timeout", "tls-handshake-timeout", "connections-per-address",
                    "max-connections")));

    private ServerConfigReader() {
    }

    /** The configuration of a site without a {@code spaprov.yaml}. */
    public static ServerConfig defaults(Path siteDir, Path dataDir) {
        try {
            return read(new byte[0], siteDir, dataDir);
        } catch (SiteException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses and validates.
     *
     * @param yaml    the file's bytes (empty = all defaults)
     * @param siteDir resolves relative TLS paths
     * @param dataDir resolves a relative report folder
     */
    public static ServerConfig read(byte[] yaml, Path siteDir, Path dataDir) throws SiteException {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            root = parse(yaml, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw SiteException.at(FILE, line, "not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            throw SiteException.at(FILE, 0, "cannot read: " + e.getMessage());
        }
        Ctx c = new Ctx(root, lines);
        c.checkKeys("");
        boolean storeMap = c.node("store").isObject();
        for (String section : KEYS.keySet()) {
            // store: is a JDBC URL, or a map {url, events: {keep, max-rows}}
            if (!section.isEmpty() && (storeMap || !section.startsWith("store"))) {
                c.checkKeys(section);
            }
        }
        Listen d = Listen.defaults();
        Listen listen = new Listen(c.text("listen.bind", d.bind()), c.port("listen.tftp", d.tftpPort()),
                c.port("listen.http", d.httpPort()), c.port("listen.https", d.httpsPort()),
                c.port("listen.admin", d.adminPort()), publicHost(c), c.port("listen.syslog", d.syslogPort()));
        Tls tls = new Tls(siteDir.resolve(c.text("tls.cert", "pki/server.crt")).normalize(),
                siteDir.resolve(c.text("tls.key", "pki/server.key")).normalize(),
                siteDir.resolve(c.text("tls.client-ca", "pki/ca.crt")).normalize(),
                c.choice("tls.client-certs", ClientCertMode.class, ClientCertMode.OPTIONAL));
        String storeKey = storeMap ? "store.url" : "store";
        Optional<String> store = Optional.ofNullable(c.text(storeKey, null)).filter(s -> !s.isBlank());
        if (store.isPresent() && !store.get().startsWith("jdbc:")) {
            throw c.error(storeKey, "must be a JDBC URL (jdbc:h2:..., jdbc:postgresql://...)");
        }
        Events ed = Events.defaults();
        Events events = new Events(c.duration("store.events.keep", ed.keep()),
                c.intIn("store.events.max-rows", (int) ed.maxRows(), 1000, 1_000_000_000),
                c.intIn("store.reports.keep", ed.reportsKeep(), 1, 1000));
        UnknownDevicePolicy unknown = c.choice("devices.unknown", UnknownDevicePolicy.class, UnknownDevicePolicy.DENY);
        Throttle throttle = new Throttle(c.duration("throttle.window", Duration.ofSeconds(60)),
                c.intIn("throttle.limit", 20, 1, 1_000_000));
        Path reports = dataDir.resolve(c.text("reports", "reports")).normalize();
        Naming dn = Naming.defaults();
        Naming naming = new Naming(c.list("naming.profiles", dn.profiles()), c.list("naming.plain", dn.plain()),
                c.list("naming.bootstrap", dn.bootstrap()));
        for (String p : naming.profiles()) {
            if (!p.contains("$MA")) {
                throw c.error("naming.profiles", "pattern '" + p + "' does not contain $MA");
            }
        }
        for (String p : naming.plain()) {
            if (!p.contains("$MA")) {
                throw c.error("naming.plain", "pattern '" + p + "' does not contain $MA");
            }
        }
        for (String p : naming.bootstrap()) {
            if (p.contains("?")) {
                throw c.error("naming.bootstrap", "pattern '" + p + "': bootstrap names take no query");
            }
        }
        boolean gzip = c.bool("profiles.gzip", false);
        Map<String, String> firmware = new LinkedHashMap<>();
        JsonNode fw = c.node("firmware");
        if (!fw.isMissingNode() && !fw.isNull()) {
            if (!fw.isObject()) {
                throw c.error("firmware", "must be a map of model: version");
            }
            for (Map.Entry<String, JsonNode> e : fw.properties()) {
                if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                    throw c.error("firmware." + e.getKey(), "must be a version such as 5.2.12");
                }
                firmware.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
            }
        }
        Optional<String> fwUrl = Optional.ofNullable(c.text("firmware-url", null)).filter(s -> !s.isBlank());
        Tftp tftp = tftp(c);
        Http http = new Http(c.optionalDuration("http.head-timeout"), c.optionalDuration("http.tls-handshake-timeout"),
                c.optionalInt("http.connections-per-address", 1, 1_000_000),
                c.optionalInt("http.max-connections", 16, 10_000_000));
        Security security = new Security(c.choice("security.plain-secrets", PlainSecrets.class, PlainSecrets.DENY));
        ServerConfig.Push pd = ServerConfig.Push.defaults();
        Optional<String> proxy = Optional.ofNullable(c.text("push.sip-proxy", null)).map(String::strip)
                .filter(p -> !p.isEmpty());
        if (proxy.isPresent() && !SIP_PROXY.matcher(proxy.get()).matches()) {
            throw c.error("push.sip-proxy", "must be HOST or HOST:PORT (sbc.example.net:5060), got '" + proxy.get() + "'");
        }
        ServerConfig.Push push = new ServerConfig.Push(proxy, c.bool("push.http", pd.http()),
                c.intIn("push.http-port", pd.httpPort(), 1, 65535),
                c.intIn("push.rate", pd.rate(), 1, 100_000), c.duration("push.timeout", pd.timeout()));
        return new ServerConfig(listen, tls, store, unknown, throttle, reports, naming, gzip, firmware, fwUrl, tftp,
                security, events, http, push);
    }

    private static Tftp tftp(Ctx c) throws SiteException {
        Tftp td = Tftp.defaults();
        int maxTransfers = c.intIn("tftp.max-transfers", td.maxTransfers(), 1, 1_000_000);
        long maxUpload = c.size("tftp.max-upload", td.maxUpload(), 512, 1L << 30);
        long uploadsTotal = c.size("tftp.uploads-total", td.uploadsTotal(), 512, 1L << 40);
        if (uploadsTotal < maxUpload) {
            throw c.error(c.lines.containsKey("tftp.uploads-total") ? "tftp.uploads-total" : "tftp.max-upload",
                    "uploads-total (" + uploadsTotal + " bytes) must be at least max-upload (" + maxUpload
                            + " bytes), or no upload of that size could finish");
        }
        Duration maxClientTimeout = c.duration("tftp.max-client-timeout", td.maxClientTimeout());
        if (maxClientTimeout.compareTo(Duration.ofSeconds(255)) > 0) {
            throw c.error("tftp.max-client-timeout", "must be at most 255s (the largest timeout option, RFC 2349)");
        }
        return new Tftp(maxTransfers, c.intIn("tftp.max-blksize", td.maxBlockSize(), 8, 65464),
                c.duration("tftp.timeout", td.timeout()), c.intIn("tftp.retries", td.retries(), 0, 100),
                c.intIn("tftp.transfers-per-address", Math.min(td.transfersPerAddress(), maxTransfers), 1, maxTransfers),
                c.intIn("tftp.stalled-per-address", td.stalledPerAddress(), 0, 1_000_000), maxUpload, uploadsTotal,
                maxClientTimeout);
    }

    /** {@code push.sip-proxy}: a host name or IPv4 address, or a bracketed IPv6 one, with an optional port. */
    private static final Pattern SIP_PROXY = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    /** A host name or address, nothing else: devices put it in URLs as it is. */
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?" + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** True when {@code host} may be {@code listen.public-host}: a host name or an address, without scheme or port. */
    public static boolean isPublicHost(String host) {
        return host != null && HOST.matcher(host).matches();
    }

    private static Optional<String> publicHost(Ctx c) throws SiteException {
        String h = c.text("listen.public-host", null);
        if (h == null || h.isBlank()) {
            return Optional.empty();
        }
        if (!HOST.matcher(h.strip()).matches()) {
            throw c.error("listen.public-host", "must be the host name or address devices use (prov.example.net,"
                    + " 192.0.2.10), without scheme, port or path, got '" + h + "'");
        }
        return Optional.of(h.strip());
    }

    /** Reads the tree and remembers the line of every key (dotted path). */
    private static JsonNode parse(byte[] yaml, Map<String, Integer> lines) throws IOException {
        if (yaml.length == 0) {
            return MissingNode.getInstance();
        }
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            Deque<String> path = new ArrayDeque<>();
            path.push("");
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> {
                        field = p.currentName();
                        lines.putIfAbsent(join(path.peek(), field), p.currentLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.push(field == null ? path.peek() : join(path.peek(), field));
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    default -> field = null;
                }
            }
        }
        JsonNode root = YAML.readTree(yaml);
        return root == null ? MissingNode.getInstance() : root;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private record Ctx(JsonNode root, Map<String, Integer> lines) {
        JsonNode node(String dotted) {
            JsonNode n = root;
            for (String part : dotted.split("\\.")) {
                n = n.path(part);
            }
            return n;
        }

        SiteException error(String key, String message) {
            return SiteException.at(FILE, lines.getOrDefault(key, 0), key + ": " + message);
        }

        void checkKeys(String section) throws SiteException {
            JsonNode n = section.isEmpty() ? root : node(section);
            if (n.isMissingNode() || n.isNull()) {
                return;
            }
            if (!n.isObject()) {
                throw error(section.isEmpty() ? "(top level)" : section, "must be a map");
            }
            Set<String> allowed = KEYS.get(section);
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    String key = section.isEmpty() ? k : section + "." + k;
                    throw error(key, "unknown key (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(String key, String def) throws SiteException {
            JsonNode n = node(key);
            if (n.isMissingNode() || n.isNull()) {
                return def;
            }
            if (!n.isValueNode()) {
                throw error(key, "must be a single value");
            }
            return n.asText();
        }

        int intIn(String key, int def, int min, int max) throws SiteException {
            String s = text(key, null);
            if (s == null) {
                return def;
            }
            try {
                int v = Integer.parseInt(s.trim());
                if (v < min || v > max) {
                    throw error(key, s + " is out of range " + min + ".." + max);
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(key, "'" + s + "' is not a number");
            }
        }

        int port(String key, int def) throws SiteException {
            return intIn(key, def, -1, 65535);
        }

        boolean bool(String key, boolean def) throws SiteException {
            String s = text(key, null);
            if (s == null) {
                return def;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error(key, "'" + s + "' is not true or false");
            };
        }

        Duration duration(String key, Duration def) throws SiteException {
            String s = text(key, null);
            if (s == null) {
                return def;
            }
            var m = DURATION.matcher(s.trim());
            if (!m.matches()) {
                throw error(key, "'" + s + "' is not a duration (500ms, 60s, 5m, 1h, 30d)");
            }
            long v = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(v);
                case "m" -> Duration.ofMinutes(v);
                case "h" -> Duration.ofHours(v);
                case "d" -> Duration.ofDays(v);
                default -> Duration.ofSeconds(v);
            };
            if (d.isZero()) {
                throw error(key, "must be more than zero");
            }
            return d;
        }

        /** Empty when the key is missing. */
        Optional<Duration> optionalDuration(String key) throws SiteException {
            return text(key, null) == null ? Optional.empty() : Optional.of(duration(key, null));
        }

        /** Empty when the key is missing or {@code auto}. */
        OptionalInt optionalInt(String key, int min, int max) throws SiteException {
            String s = text(key, null);
            if (s == null || s.trim().equalsIgnoreCase("auto")) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(intIn(key, 0, min, max));
        }

        /** Bytes: {@code 65536}, {@code 512KiB}, {@code 1MiB}, {@code 1GiB}. */
        long size(String key, long def, long min, long max) throws SiteException {
            String s = text(key, null);
            if (s == null) {
                return def;
            }
            var m = SIZE.matcher(s.trim());
            if (!m.matches()) {
                throw error(key, "'" + s + "' is not a size (65536, 512KiB, 1MiB, 1GiB)");
            }
            int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                case "KiB" -> 10;
                case "MiB" -> 20;
                default -> 30;
            };
            long n = Long.parseLong(m.group(1));
            if (n > (max >> shift) || (n << shift) < min) {
                throw error(key, s + " is out of range " + min + " bytes.." + (max >> 20) + "MiB");
            }
            return n << shift;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E def) throws SiteException {
            String s = text(key, null);
            if (s == null) {
                return def;
            }
            String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(norm)) {
                    return e;
                }
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw error(key, "'" + s + "' is not one of " + String.join(", ", names));
        }

        List<String> list(String key, List<String> def) throws SiteException {
            JsonNode n = node(key);
            if (n.isMissingNode() || n.isNull()) {
                return def;
            }
            if (!n.isArray()) {
                throw error(key, "must be a list");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isValueNode() || e.asText().isBlank()) {
                    throw error(key, "entries must be non-empty strings");
                }
                out.add(e.asText());
            }
            return out;
        }
    }
}
