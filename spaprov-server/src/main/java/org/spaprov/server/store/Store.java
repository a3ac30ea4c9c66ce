package org.spaprov.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.spaprov.server.device.DeviceRecord.Source;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.secrets.SecretBox;
import org.spaprov.server.secrets.SecretException;
import org.spaprov.server.device.DeviceRecord.Source;

/**
 * The device inventory, per-device keys, last contacts and the event log, in H2 (embedded, the
 * default: {@link #h2Url(Path)}) or PostgreSQL. The schema is migrated by Flyway on open
 * ({@code db/migration}, portable SQL).
 *
 * <p>Reads on the request path ({@link #device(String)}) come from an in-memory copy of the device
 * table; event and contact writes are queued to a background batch writer. Thread-safe.
 *
 * <p>Secrets at rest: device keys and device variables are stored sealed with AES-256-GCM under the
 * master key ({@link SecretBox}, each bound to its table and MAC), so a copy of the database or a dump
 * reveals neither. Clear values left by an earlier version are sealed on open.
 */
public final class Store implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VARS = new TypeReference<>() { };

    private final HikariDataSource ds;
    private final Jdbi jdbi;
    private final Clock clock;
    private final EventWriter writer;
    private final Map<String, DeviceRecord> devices = new ConcurrentHashMap<>();
    private final SecretBox box;
    private final ReportTable reports;
    private volatile Retention retention = Retention.defaults();
    private final StatusTable status;

    private Store(HikariDataSource ds, Clock clock, SecretBox box) throws SecretException {
        this.ds = ds;
        this.jdbi = Jdbi.create(ds);
        this.clock = clock;
        this.box = box;
        this.reports = new ReportTable(jdbi, box);
        this.status = new StatusTable(jdbi, clock);
        List<Loaded> rows = jdbi.withHandle(h -> h.createQuery("SELECT d.mac, d.model, d.serial, d.group_names,"
                + " d.vars_json, d.source, k.aes_key FROM devices d LEFT JOIN device_keys k ON k.mac = d.mac")
                .map((rs, ctx) -> loaded(rs)).list());
        List<DeviceRecord> clear = new java.util.ArrayList<>();
        for (Loaded l : rows) {
            DeviceRecord d = l.open(box);
            devices.put(d.mac(), d);
            if (l.inClear()) {
                clear.add(d);
            }
        }
        // Rows written before secrets were sealed: seal them now, so the file holds no clear secret.
        if (!clear.isEmpty()) {
            jdbi.useTransaction(h -> clear.forEach(d -> {
                upsertDevice(h, d);
                putKey(h, d.mac(), d.key());
            }));
        }
        this.writer = new EventWriter(jdbi, clock, this::prune);
    }

    /**
     * The default embedded store: an H2 file {@code spaprov} in {@code dataDir}. {@code WRITE_DELAY=0}:
     * every commit (one per event batch) reaches the file at once, so a kill -9 loses only what was
     * still queued, not the last half second of confirmed writes. {@code TRACE_LEVEL_FILE=4}: H2's own
     * messages go to our log (SLF4J), not to a {@code spaprov.trace.db} that the 0600 rule of the data
     * directory would not cover.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("spaprov")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=4";
    }

    /**
     * Connects, migrates the schema and loads the device table.
     *
     * @throws StoreException when the database cannot be reached or migrated (message names the URL
     *                        without credentials)
     */
    public static Store open(String jdbcUrl, Clock clock, SecretBox box) throws StoreException {
        refuseEmptyH2File(jdbcUrl);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setMaximumPoolSize(8);
        hc.setPoolName("spaprov-store");
        hc.setInitializationFailTimeout(3_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("store " + redact(jdbcUrl) + ": cannot connect: " + rootMessage(e));
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Store(ds, clock, box);
        } catch (SecretException e) {
            ds.close();
            throw new StoreException("store " + redact(jdbcUrl) + ": " + e.getMessage()
                    + "; start with the master key it was written with (SPAPROV_MASTER_KEY or master.key)");
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("store " + redact(jdbcUrl) + ": " + rootMessage(e));
        }
    }

    // ---------------------------------------------------------------- devices

    /** The device with this MAC from the store (API- or auto-added, or synced from the site). */
    public Optional<DeviceRecord> device(String mac) {
        return Optional.ofNullable(devices.get(mac));
    }

    /** Every device, in no particular order. */
    public Collection<DeviceRecord> devices() {
        return List.copyOf(devices.values());
    }

    /** Adds or replaces a device and its key (an empty key removes the stored one). */
    public void putDevice(DeviceRecord d) {
        jdbi.useTransaction(h -> {
            upsertDevice(h, d);
            putKey(h, d.mac(), d.key());
        });
        devices.put(d.mac(), d);
    }

    /** Adds or replaces devices and their keys in one transaction: all of them are stored, or none. */
    public void putDevices(Collection<DeviceRecord> list) {
        jdbi.useTransaction(h -> list.forEach(d -> {
            upsertDevice(h, d);
            putKey(h, d.mac(), d.key());
        }));
        list.forEach(d -> devices.put(d.mac(), d));
    }

    /** Removes a device and its key and contact; true when it existed. */
    public boolean deleteDevice(String mac) {
        int n = jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM device_keys WHERE mac = :mac").bind("mac", mac).execute();
            h.createUpdate("DELETE FROM last_contact WHERE mac = :mac").bind("mac", mac).execute();
            return h.createUpdate("DELETE FROM devices WHERE mac = :mac").bind("mac", mac).execute();
        });
        devices.remove(mac);
        return n > 0;
    }

    /**
     * Makes the site's devices the store's {@code SITE} devices: upserts each one that changed and
     * deletes {@code SITE} devices no longer in the site. API and auto-added devices are kept.
     */
    public void syncSiteDevices(Collection<DeviceRecord> siteDevices) {
        Map<String, DeviceRecord> wanted = siteDevices.stream()
                .collect(Collectors.toMap(DeviceRecord::mac, d -> d, (a, b) -> b));
        Set<String> gone = devices.values().stream()
                .filter(d -> d.source() == Source.SITE && !wanted.containsKey(d.mac()))
                .map(DeviceRecord::mac).collect(Collectors.toSet());
        List<DeviceRecord> changed = wanted.values().stream()
                .filter(d -> !d.equals(devices.get(d.mac()))).toList();
        if (gone.isEmpty() && changed.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            for (String mac : gone) {
                h.createUpdate("DELETE FROM device_keys WHERE mac = :mac").bind("mac", mac).execute();
                h.createUpdate("DELETE FROM devices WHERE mac = :mac").bind("mac", mac).execute();
            }
            for (DeviceRecord d : changed) {
                upsertDevice(h, d);
                putKey(h, d.mac(), d.key());
            }
        });
        gone.forEach(devices::remove);
        changed.forEach(d -> devices.put(d.mac(), d));
    }

    /** The device's AES key, if it has one. */
    public Optional<String> key(String mac) {
        DeviceRecord d = devices.get(mac);
        return d == null ? Optional.empty() : d.key();
    }

    // ---------------------------------------------------------------- events and contacts

    /** Queues an event; never blocks. */
    public void record(ProvisionEvent e) {
        writer.add(e);
    }

    /** Queues a last-contact update; never blocks. */
    public void contact(Contact c) {
        writer.add(c);
    }

    /** Waits until every queued event and contact is written (tests, shutdown). */
    public void flush() {
        writer.flush();
    }

    /** Events and contacts waiting in the write queue now. */
    public int queuedEvents() {
        return writer.queued();
    }

    /** From now on keep events as {@code r} says (applied once a minute by the writer, and by {@link #prune()}). */
    public void retain(Retention r) {
        retention = java.util.Objects.requireNonNull(r, "retention");
    }

    /**
     * Deletes events older than the retention's {@code keep} (by the store's clock), then the oldest
     * beyond its {@code maxRows}.
     *
     * @return how many events were deleted
     */
    public int prune() {
        Retention r = retention;
        Timestamp cutoff = Timestamp.from(clock.instant().minus(r.keep()));
        int n = jdbi.withHandle(h -> {
            int old = h.createUpdate("DELETE FROM events WHERE occurred_at < :cutoff").bind("cutoff", cutoff).execute();
            Optional<Long> edge = h.createQuery("SELECT id FROM events ORDER BY id DESC OFFSET :max ROWS"
                    + " FETCH FIRST 1 ROWS ONLY").bind("max", r.maxRows()).mapTo(Long.class).findOne();
            return old + (edge.isEmpty() ? 0
                    : h.createUpdate("DELETE FROM events WHERE id <= :edge").bind("edge", edge.get()).execute());
        });
        n += status.prune(r);
        if (n > 0) {
            org.slf4j.LoggerFactory.getLogger(Store.class).info(
                    "store: {} events and device log lines pruned (keep {}, at most {} rows)", n,
                    r.keep(), r.maxRows());
        }
        return n;
    }

    /** Events dropped because the queue was full. */
    public long droppedEvents() {
        return writer.dropped();
    }

    /** Events written to the store since it was opened (by this node). */
    public long writtenEvents() {
        return writer.written();
    }

    /** The newest {@code limit} events of a device (or of unattributed requests for an empty MAC), newest first. */
    public List<ProvisionEvent> events(Optional<String> mac, int limit) {
        String where = mac.isPresent() ? "mac = :mac" : "mac IS NULL";
        return jdbi.withHandle(h -> h.createQuery(EVENT_SELECT + " WHERE " + where + " ORDER BY id DESC")
                .define("unused", "").bindMap(mac.isPresent() ? Map.of("mac", mac.get()) : Map.of()).setMaxRows(limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    /** The newest {@code limit} events of all devices, newest first. */
    public List<ProvisionEvent> recentEvents(int limit) {
        return jdbi.withHandle(h -> h.createQuery(EVENT_SELECT + " ORDER BY id DESC").setMaxRows(limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    /**
     * A page of events with their ids: with {@code after}, the oldest {@code limit} events written after that id
     * (oldest first, for following new events); without, the newest {@code limit} (newest first). {@code mac}
     * narrows it to one device.
     */
    public List<StoredEvent> eventPage(Optional<String> mac, java.util.OptionalLong after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT occurred_at, mac, address, protocol, file_name, status, bytes,"
                + " duration_us, reason, repeat_count, id FROM events WHERE 1 = 1");
        mac.ifPresent(m -> sql.append(" AND mac = :mac"));
        after.ifPresent(a -> sql.append(" AND id > :after"));
        sql.append(after.isPresent() ? " ORDER BY id ASC" : " ORDER BY id DESC");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString());
            mac.ifPresent(m -> q.bind("mac", m));
            after.ifPresent(a -> q.bind("after", a));
            return q.setMaxRows(limit).map((rs, ctx) -> new StoredEvent(rs.getLong(11), event(rs))).list();
        });
    }

    /** When and how the device was last heard from. */
    public Optional<Contact> lastContact(String mac) {
        return jdbi.withHandle(h -> h.createQuery(CONTACT_SELECT + " WHERE mac = :mac").bind("mac", mac)
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    /** The last contact of each of {@code macs} heard from, by MAC (one query; a page of devices, not all). */
    public Map<String, Contact> lastContacts(Collection<String> macs) {
        if (macs.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery(CONTACT_SELECT + " WHERE mac IN (<macs>)")
                .bindList("macs", List.copyOf(macs))
                .map((rs, ctx) -> contact(rs))
                .list()).stream().collect(Collectors.toMap(Contact::mac, c -> c, (a, b) -> b));
    }

    /** The devices' configuration reports (issue 11). */
    public ReportTable reports() {
        return reports;
    }

    /** The store's clock (event times default to it). */
    public Clock clock() {
        return clock;
    }

    /** For the API and tests: run SQL on a handle. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Device status and raw device log lines (feedback). */
    public StatusTable status() {
        return status;
    }

    @Override
    public void close() {
        status.flush();
        writer.close();
        ds.close();
    }

    // ---------------------------------------------------------------- private

    private void upsertDevice(Handle h, DeviceRecord d) {
        Timestamp now = Timestamp.from(clock.instant());
        String vars;
        try {
            vars = box.seal(JSON.writeValueAsString(d.vars()), VARS_CONTEXT + d.mac());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int n = h.createUpdate("UPDATE devices SET model = :model, serial = :serial, group_names = :groups,"
                + " vars_json = :vars, source = :source, updated_at = :now WHERE mac = :mac")
                .bind("model", d.model()).bind("serial", d.serial().orElse(null))
                .bind("groups", String.join(",", d.groups())).bind("vars", vars).bind("source", d.source().name())
                .bind("now", now).bind("mac", d.mac()).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO devices (mac, model, serial, group_names, vars_json, source, created_at,"
                    + " updated_at) VALUES (:mac, :model, :serial, :groups, :vars, :source, :now, :now)")
                    .bind("model", d.model()).bind("serial", d.serial().orElse(null))
                    .bind("groups", String.join(",", d.groups())).bind("vars", vars).bind("source", d.source().name())
                    .bind("now", now).bind("mac", d.mac()).execute();
        }
    }

    private void putKey(Handle h, String mac, Optional<String> key) {
        h.createUpdate("DELETE FROM device_keys WHERE mac = :mac").bind("mac", mac).execute();
        key.ifPresent(k -> h.createUpdate("INSERT INTO device_keys (mac, aes_key, updated_at) VALUES (:mac, :k, :now)")
                .bind("mac", mac).bind("k", box.seal(k, KEY_CONTEXT + mac)).bind("now", Timestamp.from(clock.instant()))
                .execute());
    }

    /** What seals a device's variables and key to their row (so a sealed value moved to another MAC does not open). */
    private static final String VARS_CONTEXT = "devices.vars_json:";
    private static final String KEY_CONTEXT = "device_keys.aes_key:";

    /** A device row as stored: variables and key still sealed. */
    private record Loaded(String mac, String model, Optional<String> serial, List<String> groups, String vars,
            Optional<String> key, Source source) {
        DeviceRecord open(SecretBox box) throws SecretException {
            Map<String, String> v;
            try {
                v = JSON.readValue(box.open(vars, VARS_CONTEXT + mac), VARS);
            } catch (JsonProcessingException e) {
                v = Map.of();
            }
            Optional<String> k = key.isEmpty() ? Optional.empty() : Optional.of(box.open(key.get(), KEY_CONTEXT + mac));
            return new DeviceRecord(mac, model, serial, groups, k, v, source);
        }

        boolean inClear() {
            return !SecretBox.isSealed(vars) || key.filter(k -> !SecretBox.isSealed(k)).isPresent();
        }
    }

    private static Loaded loaded(ResultSet rs) throws SQLException {
        String groups = rs.getString("group_names");
        return new Loaded(rs.getString("mac").trim(), rs.getString("model"), Optional.ofNullable(rs.getString("serial")),
                groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")), rs.getString("vars_json"),
                Optional.ofNullable(rs.getString("aes_key")), Source.valueOf(rs.getString("source")));
    }

    /** The columns {@link #event} reads, in its order. */
    private static final String EVENT_SELECT = "SELECT occurred_at, mac, address, protocol, file_name, status, bytes,"
            + " duration_us, reason, repeat_count FROM events";

    private static ProvisionEvent event(ResultSet rs) throws SQLException {
        String mac = rs.getString(2);
        return new ProvisionEvent(rs.getTimestamp(1).toInstant(), Optional.ofNullable(mac == null ? null : mac.trim()),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
                Duration.ofNanos(rs.getLong(8) * 1000), rs.getString(9), rs.getInt(10));
    }

    /** The columns {@link #contact} reads, in its order. */
    private static final String CONTACT_SELECT =
            "SELECT mac, seen_at, address, protocol, user_agent, firmware FROM last_contact";

    private static Contact contact(ResultSet rs) throws SQLException {
        // Trimmed as in row(): the column is CHAR(12).
        return new Contact(rs.getString(1).trim(), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)));
    }

    /**
     * H2 silently starts a new, empty database over a zero-length file (every event and device
     * gone, no log line): refuse instead. A missing file is fine (a new store); a damaged one makes
     * H2 itself fail, which {@link #open} reports.
     */
    private static void refuseEmptyH2File(String jdbcUrl) throws StoreException {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        String path = jdbcUrl.substring("jdbc:h2:file:".length());
        int semi = path.indexOf(';');
        Path file = Path.of((semi < 0 ? path : path.substring(0, semi)) + ".mv.db");
        try {
            if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) == 0) {
                throw new StoreException("store " + file + " is empty (0 bytes), not a database: restore it from a"
                        + " backup, or move it away to start a new store");
            }
        } catch (java.io.IOException e) {
            throw new StoreException("store " + file + ": cannot read: " + e.getMessage());
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
    }
}
