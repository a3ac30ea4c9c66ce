package org.spaprov.server.feedback.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.catalog.ParamDef;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.provision.ProfileInputs;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.StatusTable;

/**
 * Puts a device's status together from what the store knows (last contact, served profile, syslog outcomes)
 * and what the site intends (its {@code Resync_Periodic} and {@code Resync_Random_Delay}, for {@code stale}).
 * Reads only: the writes come from the provisioning chain (served) and the syslog receiver. Thread-safe.
 */
public final class StatusService {
    private final Supplier<Site> site;
    private final Clock clock;
    private final ProfileInputs inputs = new ProfileInputs();
    private final LatestReports reports;

    public StatusService(Supplier<Site> site, Clock clock) {
        this(site, clock, LatestReports.NONE);
    }

    /** @param reports the devices' latest reports, for {@code applied}'s last step (verified or drifted) */
    public StatusService(Supplier<Site> site, Clock clock, LatestReports reports) {
        this.site = site;
        this.clock = clock;
        this.reports = reports;
    }

    /** The status of {@code d}, from its last contact and status row (either may be absent). */
    public DeviceStatus of(DeviceRecord d, Optional<Contact> contact, Optional<StatusTable.Row> row) {
        Optional<StatusTable.Outcome> resync = row.flatMap(StatusTable.Row::resync);
        Optional<Instant> servedAt = row.flatMap(StatusTable.Row::servedAt);
        Optional<StatusTable.Outcome> upgrade = row.flatMap(StatusTable.Row::upgrade);
        // A fetch with no syslog line after it: the request is all we know of that resync.
        if (servedAt.isPresent() && resync.map(r -> r.at().isBefore(servedAt.get())).orElse(true)) {
            resync = Optional.of(new StatusTable.Outcome(servedAt.get(), true, Optional.empty(), "request"));
        }
        String firmware = firmware(contact, upgrade, row.flatMap(StatusTable.Row::firmware));
        Optional<Instant> seen = latest(contact.map(Contact::at), row.flatMap(StatusTable.Row::resync)
                .map(StatusTable.Outcome::at));
        boolean stale = seen.isPresent() && staleAfter(d).map(after -> seen.get().plus(after)
                .isBefore(clock.instant())).orElse(false);
        return new DeviceStatus(contact.map(c -> new DeviceStatus.Contact(c.at().toString(), c.address(),
                c.protocol(), c.userAgent().orElse(null))).orElse(null), firmware, resync.map(StatusService::view)
                .orElse(null), upgrade.map(StatusService::view).orElse(null), stale, applied(d, row));
    }

    private DeviceStatus.Applied applied(DeviceRecord d, Optional<StatusTable.Row> row) {
        Optional<Instant> servedAt = row.flatMap(StatusTable.Row::servedAt);
        if (servedAt.isEmpty()) {
            return new DeviceStatus.Applied("pending", null, null);
        }
        String hash = row.get().servedHash().orElse(null);
        if (row.get().servedInputs().filter(i -> !i.equals(inputs.of(site.get(), d))).isPresent()) {
            // A layer edit since that fetch: the device has not taken its current profile yet.
            return new DeviceStatus.Applied("pending", hash, servedAt.get().toString());
        }
        boolean acked = row.get().resync().filter(r -> r.ok() && r.source().equals("syslog")
                && !r.at().isBefore(servedAt.get())).isPresent();
        if (acked) {
            // Its next report says whether it really runs that profile.
            Optional<LatestReports.Verdict> report = reports.latest(d.mac())
                    .filter(r -> !r.at().isBefore(servedAt.get()));
            if (report.isPresent()) {
                return new DeviceStatus.Applied(report.get().drift() == 0 ? "verified" : "drifted", hash,
                        servedAt.get().toString());
            }
        }
        return new DeviceStatus.Applied(acked ? "acknowledged" : "served", hash, servedAt.get().toString());
    }

    private static String firmware(Optional<Contact> contact, Optional<StatusTable.Outcome> upgrade,
            Optional<String> syslog) {
        boolean upgradedSince = syslog.isPresent() && upgrade.filter(StatusTable.Outcome::ok)
                .map(u -> contact.map(c -> c.at().isBefore(u.at())).orElse(true)).orElse(false);
        if (upgradedSince) {
            return syslog.get();
        }
        return contact.flatMap(Contact::firmware).or(() -> syslog).orElse(null);
    }

    /** Twice its {@code Resync_Periodic} plus its {@code Resync_Random_Delay}; empty when periodic resync is off. */
    Optional<Duration> staleAfter(DeviceRecord d) {
        long periodic = seconds(d, "Resync_Periodic");
        if (periodic <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(2 * (periodic + Math.max(0, seconds(d, "Resync_Random_Delay")))));
    }

    /** The whole seconds the layers (device, groups last first, model, global) or the catalog give a parameter. */
    private long seconds(DeviceRecord d, String param) {
        Site s = site.get();
        List<Layer> layers = new ArrayList<>();
        Optional.ofNullable(s.deviceLayers().get(d.mac())).ifPresent(layers::add);
        for (String g : d.groups().reversed()) {
            Optional.ofNullable(s.groups().get(g)).ifPresent(layers::add);
        }
        Optional.ofNullable(s.models().get(d.model())).ifPresent(layers::add);
        s.global().ifPresent(layers::add);
        for (Layer l : layers) {
            Optional<Long> v = l.profile().get(param).map(Setting::value).flatMap(StatusService::leadingNumber);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return Catalogs.find(d.model()).flatMap(c -> c.byXml(param)).map(ParamDef::defaultValue)
                .flatMap(StatusService::leadingNumber).orElse(0L);
    }

    /** {@code 3600}, or the first delay of a schedule such as {@code 1800+300,3600}. */
    private static Optional<Long> leadingNumber(String v) {
        if (v == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([0-9]{1,9})").matcher(v);
        return m.lookingAt() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isAfter(a.get())).or(() -> a);
    }

    private static DeviceStatus.Outcome view(StatusTable.Outcome o) {
        return new DeviceStatus.Outcome(o.at().toString(), o.ok() ? "ok" : "failed", o.error().orElse(null), o.source());
    }
}
