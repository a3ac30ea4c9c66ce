package org.spaprov.server.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Campaign rows in the store (tables of {@code V7__campaigns.sql}): one per campaign, one per
 * targeted device with its outcome. Times come from the injected clock. Thread-safe.
 */
public final class CampaignStore {
    /** A campaign's state. */
    public enum State {
        /** Devices are still being pushed. */
        RUNNING,
        /** Every device has an outcome. */
        DONE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One campaign row. */
    public record Campaign(long id, PushAction action, String via, String target, int rate, State state,
            Instant createdAt, Optional<Instant> finishedAt) {
    }

    /**
     * One device of a campaign; {@code outcome} is {@code pending} until pushed, then a
     * {@link PushOutcome.Result#wire()} name.
     */
    public record Row(String mac, String outcome, int status, String detail, Optional<Instant> pushedAt) {
    }

    /** The outcome of a device not pushed yet. */
    public static final String PENDING = "pending";

    private final Jdbi jdbi;
    private final Clock clock;

    public CampaignStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a running campaign and its devices (all pending); returns its id. */
    public long create(PushAction action, String via, String target, int rate, Collection<String> macs) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO campaigns (action, via, target, rate, state, created_at)"
                    + " VALUES (:a, :v, :t, :r, :s, :now)")
                    .bind("a", action.apiName()).bind("v", via).bind("t", cut(target, 512)).bind("r", rate)
                    .bind("s", State.RUNNING.wire()).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch b = h.prepareBatch("INSERT INTO campaign_devices (campaign_id, mac, outcome, status, detail)"
                    + " VALUES (:id, :mac, :o, 0, '')");
            for (String mac : macs) {
                b.bind("id", id).bind("mac", mac).bind("o", PENDING).add();
            }
            if (!macs.isEmpty()) {
                b.execute();
            }
            return id;
        });
    }

    /** Records how the push to {@code mac} ended. */
    public void record(long id, String mac, PushOutcome o, Instant pushedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE campaign_devices SET outcome = :o, status = :s, detail = :d,"
                + " pushed_at = :at WHERE campaign_id = :id AND mac = :mac")
                .bind("o", o.result().wire()).bind("s", o.status()).bind("d", cut(o.detail(), 256))
                .bind("at", Timestamp.from(pushedAt)).bind("id", id).bind("mac", mac).execute());
    }

    /** Marks the campaign done. */
    public void finish(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE campaigns SET state = :s, finished_at = :now WHERE id = :id")
                .bind("s", State.DONE.wire()).bind("now", Timestamp.from(clock.instant())).bind("id", id).execute());
    }

    /** The campaign, if there is one with this id. */
    public Optional<Campaign> campaign(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, action, via, target, rate, state, created_at, finished_at"
                + " FROM campaigns WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Campaign(rs.getLong(1), PushAction.parse(rs.getString(2)).orElseThrow(),
                        rs.getString(3), rs.getString(4), rs.getInt(5),
                        State.valueOf(rs.getString(6).toUpperCase(java.util.Locale.ROOT)),
                        rs.getTimestamp(7).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant)))
                .findOne());
    }

    /** The campaign's devices, by MAC. */
    public List<Row> rows(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT mac, outcome, status, detail, pushed_at FROM campaign_devices"
                + " WHERE campaign_id = :id ORDER BY mac").bind("id", id)
                .map((rs, ctx) -> new Row(rs.getString(1).trim(), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant)))
                .list());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
