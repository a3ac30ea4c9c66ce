package org.spaprov.server.feedback.report;

import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.Gzip;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.server.provision.ReportListener;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.store.ReportTable;
import org.spaprov.server.store.ReportTable.StoredReport;

/**
 * Keeps every accepted report in the store, the newest {@code keep} per device, parsed with our
 * XML reader: a report that does not parse is kept with its error (one line, never a value).
 * {@link #parse} reads a stored one back. Stateless apart from the table; thread-safe.
 *
 * <pre>{@code
 * core.onReport(ReportIngest.of(core));
 * }</pre>
 */
public final class ReportIngest implements ReportListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReportIngest.class);

    private final ReportTable table;
    private final IntSupplier keep;

    /** @param keep how many reports per device to keep (read at each report, so a site reload applies) */
    public ReportIngest(ReportTable table, IntSupplier keep) {
        this.table = table;
        this.keep = keep;
    }

    /** Keeps {@code core}'s reports in its store, as many per device as its site's {@code store.reports.keep}. */
    public static ReportIngest of(ServerCore core) {
        return new ReportIngest(core.store().reports(), () -> core.config().events().reportsKeep());
    }

    @Override
    public void accepted(String mac, Instant at, String source, byte[] content) {
        Optional<String> error = switch (parse(content, mac)) {
            case Parsed.Ok ok -> Optional.empty();
            case Parsed.Failed f -> Optional.of(f.error());
        };
        try {
            table.add(new StoredReport(mac, at, source, Optional.of(content), error), keep.getAsInt());
        } catch (RuntimeException e) {
            // The upload itself was answered already; losing its copy in the store is logged, not fatal.
            LOG.warn("device {}: cannot keep report in the store: {}", mac, e.getMessage());
        }
    }

    /** A report read: its profile, or why it is not one. */
    public sealed interface Parsed {
        record Ok(Profile profile) implements Parsed {
        }

        record Failed(String error) implements Parsed {
        }
    }

    /** Reads a report's bytes (plain XML or gzipped XML) with our reader. */
    public static Parsed parse(byte[] content, String mac) {
        try {
            byte[] xml = Gzip.isGzip(content) ? Gzip.decompress(content) : content;
            return new Parsed.Ok(XmlProfileReader.read(xml, "report-" + mac));
        } catch (CodecException | ProfileException e) {
            return new Parsed.Failed(e.getMessage().lines().findFirst().orElse("does not parse"));
        }
    }

    /** A stored report's profile, or its error. */
    public static Parsed parse(StoredReport r) {
        if (r.error().isPresent() || r.content().isEmpty()) {
            return new Parsed.Failed(r.error().orElse("report not kept"));
        }
        return parse(r.content().get(), r.mac());
    }
}
