package org.spaprov.server.feedback.drift;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.spaprov.server.feedback.status.LatestReports;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.feedback.report.ReportIngest;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.store.ReportTable.StoredReport;

/**
 * Drift of the devices of a {@link ServerCore}: each device's latest stored report against the profile
 * the current site builds for it ({@link ServerCore#intendedProfile}). Computed on demand (a layer edit
 * shows at once, no cache to invalidate). Thread-safe.
 */
public final class DriftService {
    private final ServerCore core;

    public DriftService(ServerCore core) {
        this.core = core;
    }

    /**
     * The drift of {@code mac}; empty when the device is unknown or has sent no report yet.
     *
     * @throws SiteException when the device's intended profile does not build (names file:line)
     */
    public Optional<Drift> of(String mac) throws SiteException {
        Optional<DeviceRecord> d = core.store().device(mac);
        Optional<StoredReport> r = core.store().reports().latest(mac);
        if (d.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (ReportIngest.parse(r.get())) {
            case ReportIngest.Parsed.Failed f -> new Drift(mac, r.get().at(), Optional.of(f.error()), List.of());
            case ReportIngest.Parsed.Ok ok -> new Drift(mac, r.get().at(), Optional.empty(),
                    Drift.compare(d.get().model(), core.intendedProfile(d.get()), ok.profile()));
        });
    }

    /**
     * For the device status ({@code applied}): how many parameters differ in the device's latest report,
     * empty when there is no comparable report (none, or it does not parse, or the profile does not
     * build). 0 → {@code verified}, more → {@code drifted}.
     */
    public Optional<LatestReports.Verdict> latest(String mac) {
        try {
            return of(mac).filter(x -> x.error().isEmpty()).map(x -> new LatestReports.Verdict(x.reportAt(), x.count()));
        } catch (SiteException e) {
            return Optional.empty();
        }
    }

    /** As {@link #latest}, the count only. */
    public OptionalInt count(String mac) {
        try {
            return of(mac).filter(x -> x.error().isEmpty()).map(x -> OptionalInt.of(x.count()))
                    .orElse(OptionalInt.empty());
        } catch (SiteException e) {
            return OptionalInt.empty();
        }
    }
}
