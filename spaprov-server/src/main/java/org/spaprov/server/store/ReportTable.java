package org.spaprov.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.spaprov.server.secrets.SecretBox;
import org.spaprov.server.secrets.SecretException;

/**
 * The {@code reports} table: configuration reports uploaded by devices, the newest {@code keep} per
 * device. A report's body is stored gzipped and sealed with the master key (a report may carry
 * parameters an operator considers secret), bound to its MAC; a body too large to keep is stored as
 * an error instead. Thread-safe; obtained from {@link Store#reports()}.
 */
public final class ReportTable {
    /** The largest sealed body kept (the column's size). */
    static final int MAX_SEALED = 1_000_000;
    private static final String CONTEXT = "reports.body:";

    private final Jdbi jdbi;
    private final SecretBox box;

    ReportTable(Jdbi jdbi, SecretBox box) {
        this.jdbi = jdbi;
        this.box = box;
    }

    /**
     * One stored report.
     *
     * @param at      when the server received it
     * @param source  how it came ({@code "http 127.0.0.1 report-000e08aabb01.xml"})
     * @param content the decoded report (decrypted, as uploaded otherwise); empty when not kept
     * @param error   why it does not parse (or was not kept), empty when it parses
     */
    public record StoredReport(String mac, Instant at, String source, Optional<byte[]> content,
            Optional<String> error) {
        public StoredReport {
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Adds a report, then deletes the device's reports beyond the newest {@code keep}. */
    public void add(StoredReport r, int keep) {
        String body = r.content().map(c -> box.seal(Base64.getEncoder().encodeToString(gzip(c)), CONTEXT + r.mac()))
                .orElse(null);
        Optional<String> error = r.error();
        if (body != null && body.length() > MAX_SEALED) {
            body = null;
            error = Optional.of("report too large to keep (" + r.content().get().length + " bytes)");
        }
        String b = body;
        String e = error.map(s -> s.length() > 512 ? s.substring(0, 509) + "..." : s).orElse(null);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO reports (mac, received_at, source, body, parse_error)"
                    + " VALUES (:mac, :at, :source, :body, :error)")
                    .bind("mac", r.mac()).bind("at", Timestamp.from(r.at()))
                    .bind("source", r.source().length() > 640 ? r.source().substring(0, 640) : r.source())
                    .bind("body", b).bind("error", e).execute();
            Optional<Long> edge = h.createQuery("SELECT id FROM reports WHERE mac = :mac ORDER BY id DESC"
                    + " OFFSET :keep ROWS FETCH FIRST 1 ROWS ONLY").bind("mac", r.mac()).bind("keep", keep)
                    .mapTo(Long.class).findOne();
            if (edge.isPresent()) {
                h.createUpdate("DELETE FROM reports WHERE mac = :mac AND id <= :edge").bind("mac", r.mac())
                        .bind("edge", edge.get()).execute();
            }
        });
    }

    /** The device's newest {@code limit} reports, newest first. */
    public List<StoredReport> list(String mac, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT mac, received_at, source, body, parse_error FROM reports"
                + " WHERE mac = :mac ORDER BY id DESC").bind("mac", mac).setMaxRows(limit)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** The device's newest report. */
    public Optional<StoredReport> latest(String mac) {
        return list(mac, 1).stream().findFirst();
    }

    private StoredReport row(ResultSet rs) throws SQLException {
        String mac = rs.getString(1).trim();
        String body = rs.getString(4);
        Optional<String> error = Optional.ofNullable(rs.getString(5));
        Optional<byte[]> content = Optional.empty();
        if (body != null) {
            try {
                content = Optional.of(gunzip(Base64.getDecoder().decode(box.open(body, CONTEXT + mac))));
            } catch (SecretException | RuntimeException e) {
                error = Optional.of("stored report cannot be opened (another master key?)");
            }
        }
        return new StoredReport(mac, rs.getTimestamp(2).toInstant(), rs.getString(3), content, error);
    }

    private static byte[] gzip(byte[] data) {
        var out = new java.io.ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return z.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
