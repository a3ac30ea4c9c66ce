package org.spaprov.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store knows of each device's state beyond its last contact ({@code device_status}): the last
 * profile served to it and its content hash, its last resync and upgrade outcome, its firmware as it said
 * in syslog; and the raw device log lines no template matched ({@code device_log}, pruned like events).
 *
 * <p>{@link #served} is called on the request path, so it never blocks: it is coalesced per device and
 * written by a virtual thread. The other writes come from the syslog receiver's own thread and are
 * written at once. Thread-safe; writes are serialised (one row per device, updated, else inserted).
 */
public final class StatusTable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusTable.class);
    /** Longest raw line stored (the column's width). */
    public static final int MAX_LINE = 2048;

    /**
     * An outcome of a resync or an upgrade.
     *
     * @param at     when it was learned
     * @param ok     success or failure
     * @param error  the device's {@code $ERR} on failure, empty otherwise
     * @param source {@code syslog}, {@code request} or {@code report}
     */
    public record Outcome(Instant at, boolean ok, Optional<String> error, String source) {
        public Outcome {
            Objects.requireNonNull(at, "at");
            error = cut(error == null ? Optional.empty() : error.filter(e -> !e.isBlank()), 256);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * One device's row.
     *
     * @param servedAt   when its profile was last served (200)
     * @param servedHash that profile's content hash (its ETag)
     * @param servedInputs the fingerprint of what that profile was made of (provision.ProfileInputs)
     * @param resync     its last resync outcome
     * @param upgrade    its last upgrade outcome
     * @param firmware   its firmware version as its syslog said (a successful upgrade's {@code $ERR})
     */
    public record Row(String mac, Optional<Instant> servedAt, Optional<String> servedHash,
            Optional<String> servedInputs, Optional<Outcome> resync,
            Optional<Outcome> upgrade, Optional<String> firmware) {
    }

    /** A raw device log line. */
    public record LogLine(Instant at, Optional<String> mac, String address, String line) {
    }

    private record Served(Instant at, String hash, String inputs) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    StatusTable(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * The device was served its profile now, with content hash {@code hash}, made of {@code inputs} (a
     * fingerprint of its layers); never blocks.
     */
    public void served(String mac, String hash, String inputs) {
        served.put(mac, new Served(clock.instant(), cut(Optional.of(hash), 128).orElse(""),
                cut(Optional.of(inputs), 64).orElse("")));
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("status-writer").start(this::drain);
        }
    }

    /** Records the device's latest resync outcome. */
    public synchronized void resync(String mac, Outcome o) {
        upsert(mac, "resync_at = :at, resync_ok = :ok, resync_error = :err, resync_source = :src",
                Map.of("at", Timestamp.from(o.at()), "ok", o.ok(), "src", o.source()), o.error().orElse(null));
    }

    /** Records the device's latest upgrade outcome and, after a success, the firmware it now runs. */
    public synchronized void upgrade(String mac, Outcome o, Optional<String> firmware) {
        String set = "upgrade_at = :at, upgrade_ok = :ok, upgrade_error = :err, upgrade_source = :src"
                + (firmware.isPresent() ? ", firmware = :fw" : "");
        Map<String, Object> binds = new java.util.HashMap<>(Map.of("at", Timestamp.from(o.at()), "ok", o.ok(),
                "src", o.source()));
        firmware.flatMap(f -> cut(Optional.of(f), 64)).ifPresent(f -> binds.put("fw", f));
        upsert(mac, set, binds, o.error().orElse(null));
    }

    /** Keeps a line no template matched, with its device when known. */
    public void log(Optional<String> mac, String address, String line) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO device_log (received_at, mac, address, line)"
                + " VALUES (:at, :mac, :address, :line)").bind("at", Timestamp.from(clock.instant()))
                .bind("mac", mac.orElse(null)).bind("address", cut(Optional.of(address), 64).orElse(""))
                .bind("line", cut(Optional.of(line), MAX_LINE).orElse("")).execute());
    }

    /** The newest {@code limit} raw log lines of a device, newest first. */
    public List<LogLine> logLines(String mac, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT received_at, mac, address, line FROM device_log"
                + " WHERE mac = :mac ORDER BY id DESC").bind("mac", mac).setMaxRows(limit)
                .map((rs, ctx) -> new LogLine(rs.getTimestamp(1).toInstant(),
                        Optional.ofNullable(rs.getString(2)).map(String::trim), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** The device whose last contact came from {@code address} most recently, if any. */
    public Optional<String> macAt(String address) {
        return jdbi.withHandle(h -> h.createQuery("SELECT mac FROM last_contact WHERE address = :a"
                + " ORDER BY seen_at DESC FETCH FIRST 1 ROWS ONLY").bind("a", address).mapTo(String.class)
                .findOne().map(String::trim));
    }

    /** One device's row. */
    public Optional<Row> row(String mac) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE mac = :mac").bind("mac", mac)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** The rows of {@code macs} that have one (one query per 1,000). */
    public Map<String, Row> rows(Collection<String> macs) {
        List<String> all = List.copyOf(macs);
        Map<String, Row> out = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> part = all.subList(i, Math.min(all.size(), i + 1000));
            out.putAll(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE mac IN (<macs>)").bindList("macs", part)
                    .map((rs, ctx) -> row(rs)).list()).stream().collect(Collectors.toMap(Row::mac, r -> r)));
        }
        return out;
    }

    /** Waits until every {@link #served} call so far is written (tests, shutdown). */
    public void flush() {
        while (!served.isEmpty() || draining.get()) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Deletes raw log lines older than the retention's {@code keep}, then the oldest beyond its row cap. */
    int prune(Retention r) {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(r.keep()));
        return jdbi.withHandle(h -> {
            int old = h.createUpdate("DELETE FROM device_log WHERE received_at < :c").bind("c", cutoff).execute();
            Optional<Long> edge = h.createQuery("SELECT id FROM device_log ORDER BY id DESC OFFSET :max ROWS"
                    + " FETCH FIRST 1 ROWS ONLY").bind("max", r.maxRows()).mapTo(Long.class).findOne();
            return old + (edge.isEmpty() ? 0
                    : h.createUpdate("DELETE FROM device_log WHERE id <= :e").bind("e", edge.get()).execute());
        });
    }

    // ---------------------------------------------------------------- private

    private void drain() {
        try {
            while (!served.isEmpty()) {
                for (String mac : List.copyOf(served.keySet())) {
                    Served s = served.remove(mac);
                    if (s != null) {
                        write(mac, s);
                    }
                }
            }
        } finally {
            draining.set(false);
            if (!served.isEmpty() && draining.compareAndSet(false, true)) {
                Thread.ofVirtual().name("status-writer").start(this::drain);
            }
        }
    }

    private synchronized void write(String mac, Served s) {
        try {
            upsert(mac, "served_at = :at, served_hash = :hash, served_inputs = :inputs", Map.of("at",
                    Timestamp.from(s.at()), "hash", s.hash(), "inputs", s.inputs()), null);
        } catch (RuntimeException e) {
            // Status is advisory: a failed write must not stop the next ones; the next fetch writes it again.
            LOG.warn("store: cannot record the profile served to {}: {}", mac, e.toString());
        }
    }

    /** {@code set} names {@code :err} only when it is in it; {@code err} may be null. */
    private void upsert(String mac, String set, Map<String, Object> binds, String err) {
        jdbi.useTransaction(h -> {
            if (bound(h.createUpdate("UPDATE device_status SET " + set + " WHERE mac = :mac"), mac, binds, err, set)
                    .execute() == 0) {
                h.createUpdate("INSERT INTO device_status (mac) VALUES (:mac)").bind("mac", mac).execute();
                bound(h.createUpdate("UPDATE device_status SET " + set + " WHERE mac = :mac"), mac, binds, err, set)
                        .execute();
            }
        });
    }

    private static org.jdbi.v3.core.statement.Update bound(org.jdbi.v3.core.statement.Update u, String mac,
            Map<String, Object> binds, String err, String set) {
        u.bind("mac", mac).bindMap(binds);
        if (set.contains(":err")) {
            u.bind("err", err);
        }
        return u;
    }

    private static final String SELECT = "SELECT mac, served_at, served_hash, served_inputs, resync_at, resync_ok, resync_error,"
            + " resync_source, upgrade_at, upgrade_ok, upgrade_error, upgrade_source, firmware FROM device_status";

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp served = rs.getTimestamp(2);
        return new Row(rs.getString(1).trim(), Optional.ofNullable(served).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)), outcome(rs, 5), outcome(rs, 9),
                Optional.ofNullable(rs.getString(13)));
    }

    private static Optional<Outcome> outcome(ResultSet rs, int col) throws SQLException {
        Timestamp at = rs.getTimestamp(col);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(at.toInstant(), rs.getBoolean(col + 1), Optional.ofNullable(rs.getString(col + 2)),
                rs.getString(col + 3)));
    }

    private static Optional<String> cut(Optional<String> s, int max) {
        return s.map(v -> v.length() > max ? v.substring(0, max) : v);
    }
}
