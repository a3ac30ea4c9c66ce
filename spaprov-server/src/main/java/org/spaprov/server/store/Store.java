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

/**
 * The device inventory, per-device keys, last contacts and the event log, in H2 (embedded, the
 * default: {@link #h2Url(Path)}) or PostgreSQL. The schema is migrated by Flyway on open
 * ({@code db/migration}, portable SQL).
 *
 * <p>Reads on the request path ({@link #device(String)}) come from an in-memory copy of the device
 * table; event and contact writes are queued to a background batch writer. Thread-safe.
 */
public final class Store implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VARS = new TypeReference<>() { };

    private final HikariDataSource ds;
    private final Jdbi jdbi;
    private final Clock clock;
    private final EventWriter writer;
    private final Map<String, DeviceRecord> devices = new ConcurrentHashMap<>();

    private Store(HikariDataSource ds, Clock clock) {
        this.ds = ds;
        this.jdbi = Jdbi.create(ds);
        this.clock = clock;
        this.writer = new EventWriter(jdbi);
        jdbi.useHandle(h -> h.createQuery("SELECT d.mac, d.model, d.serial, d.group_names, d.vars_json, d.source,"
                + " k.aes_key FROM devices d LEFT JOIN device_keys k ON k.mac = d.mac")
                .map((rs, ctx) -> row(rs)).forEach(d -> devices.put(d.mac(), d)));
    }

    /** The default embedded store: an H2 file {@code spaprov} in {@code dataDir}. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("spaprov") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Connects, migrates the schema and loads the device table.
     *
     * @throws StoreException when the database cannot be reached or migrated (message names the URL
     *                        without credentials)
     */
    public static Store open(String jdbcUrl, Clock clock) throws StoreException {
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
            return new Store(ds, clock);
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
        return jdbi.withHandle(h -> h.createQuery("SELECT occurred_at, mac, address, protocol, file_name, status, bytes,"
                + " duration_us, reason FROM events WHERE " + where + " ORDER BY id DESC")
                .define("unused", "").bindMap(mac.isPresent() ? Map.of("mac", mac.get()) : Map.of()).setMaxRows(limit)
                .map((rs, ctx) -> new ProvisionEvent(rs.getTimestamp(1).toInstant(), Optional.ofNullable(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
                        Duration.ofNanos(rs.getLong(8) * 1000), rs.getString(9)))
                .list());
    }

    /** The newest {@code limit} events of all devices, newest first. */
    public List<ProvisionEvent> recentEvents(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT occurred_at, mac, address, protocol, file_name, status, bytes,"
                + " duration_us, reason FROM events ORDER BY id DESC").setMaxRows(limit)
                .map((rs, ctx) -> new ProvisionEvent(rs.getTimestamp(1).toInstant(), Optional.ofNullable(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
                        Duration.ofNanos(rs.getLong(8) * 1000), rs.getString(9)))
                .list());
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

    /** The store's clock (event times default to it). */
    public Clock clock() {
        return clock;
    }

    /** For the API and tests: run SQL on a handle. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        writer.close();
        ds.close();
    }

    // ---------------------------------------------------------------- private

    private void upsertDevice(Handle h, DeviceRecord d) {
        Timestamp now = Timestamp.from(clock.instant());
        String vars;
        try {
            vars = JSON.writeValueAsString(d.vars());
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
                .bind("mac", mac).bind("k", k).bind("now", Timestamp.from(clock.instant())).execute());
    }

    private static DeviceRecord row(ResultSet rs) throws SQLException {
        Map<String, String> vars;
        try {
            vars = JSON.readValue(rs.getString("vars_json"), VARS);
        } catch (JsonProcessingException e) {
            vars = Map.of();
        }
        String groups = rs.getString("group_names");
        return new DeviceRecord(rs.getString("mac").trim(), rs.getString("model"),
                Optional.ofNullable(rs.getString("serial")),
                groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")),
                Optional.ofNullable(rs.getString("aes_key")), vars, Source.valueOf(rs.getString("source")));
    }

    /** The columns {@link #contact} reads, in its order. */
    private static final String CONTACT_SELECT =
            "SELECT mac, seen_at, address, protocol, user_agent, firmware FROM last_contact";

    private static Contact contact(ResultSet rs) throws SQLException {
        // Trimmed as in row(): the column is CHAR(12).
        return new Contact(rs.getString(1).trim(), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)));
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
