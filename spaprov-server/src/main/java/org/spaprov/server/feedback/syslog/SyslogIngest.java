package org.spaprov.server.feedback.syslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spaprov.profile.Mac;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.StatusTable;
import org.spaprov.server.store.StatusTable.Outcome;
import org.spaprov.server.store.Store;

/**
 * What a syslog line means for device status. The line is tied to a device: the MAC its template captures,
 * else a known device's MAC anywhere in it, else the device last heard from its source address. A resync or
 * upgrade success or failure line (the guide's {@code Log_*_Msg}, or the site's own templates from its layers)
 * becomes that device's {@code lastResync}/{@code lastUpgrade} with its {@code $ERR}; a successful upgrade's
 * {@code $ERR} is the new firmware version (SPEC §4.3). A request line changes nothing. Any other line is
 * kept as a raw device log line. Thread-safe; writes to the store, so not for an event loop.
 */
public final class SyslogIngest {
    /** What became of a line. */
    public enum Result {
        /** A resync or upgrade outcome of a device. */
        OUTCOME,
        /** A "requesting resync/upgrade" line. */
        REQUEST,
        /** Kept as a raw log line (with its device when known). */
        RAW
    }

    private static final Pattern ANY_MAC = Pattern.compile(
            "(?<![0-9A-Fa-f:])([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{12})(?![0-9A-Fa-f:])");

    private final Supplier<Site> site;
    private final Store store;
    private volatile Cached templates = new Cached(-1, LogTemplates.of(List.of()));

    private record Cached(long generation, LogTemplates templates) {
    }

    public SyslogIngest(Supplier<Site> site, Store store) {
        this.site = site;
        this.store = store;
    }

    /** Applies one line. */
    public Result accept(SyslogMessage m) {
        Optional<LogTemplates.Match> match = templates().match(m.text());
        Optional<String> mac = match.flatMap(LogTemplates.Match::mac).filter(x -> store.device(x).isPresent())
                .or(() -> knownMacIn(m.text()))
                .or(() -> store.status().macAt(m.address()));
        if (match.isEmpty() || mac.isEmpty()) {
            store.status().log(mac, m.address(), m.shown());
            return Result.RAW;
        }
        StatusTable status = store.status();
        Optional<String> err = match.get().err();
        switch (match.get().kind()) {
            case RESYNC_SUCCESS -> status.resync(mac.get(), new Outcome(m.receivedAt(), true, Optional.empty(), "syslog"));
            case RESYNC_FAILURE -> status.resync(mac.get(), new Outcome(m.receivedAt(), false, err, "syslog"));
            case UPGRADE_SUCCESS -> status.upgrade(mac.get(), new Outcome(m.receivedAt(), true, Optional.empty(),
                    "syslog"), err);
            case UPGRADE_FAILURE -> status.upgrade(mac.get(), new Outcome(m.receivedAt(), false, err, "syslog"),
                    Optional.empty());
            case RESYNC_REQUEST, UPGRADE_REQUEST -> {
                return Result.REQUEST;
            }
        }
        return Result.OUTCOME;
    }

    private Optional<String> knownMacIn(String text) {
        Matcher m = ANY_MAC.matcher(text);
        while (m.find()) {
            Optional<String> mac = Mac.tryParse(m.group(1)).map(Mac::hex).filter(x -> store.device(x).isPresent());
            if (mac.isPresent()) {
                return mac;
            }
        }
        return Optional.empty();
    }

    /** The site's templates (from every layer that sets a {@code Log_*_Msg}), rebuilt when the site reloads. */
    private LogTemplates templates() {
        Site s = site.get();
        Cached c = templates;
        if (c.generation() == s.generation()) {
            return c.templates();
        }
        List<Layer> layers = new ArrayList<>();
        s.global().ifPresent(layers::add);
        layers.addAll(s.models().values());
        layers.addAll(s.groups().values());
        layers.addAll(s.deviceLayers().values());
        List<LogTemplates.Template> own = new ArrayList<>();
        for (Layer l : layers) {
            for (LogTemplates.Kind k : LogTemplates.Kind.values()) {
                l.profile().get(k.param()).map(org.spaprov.profile.Setting::value).filter(v -> v != null && !v.isBlank())
                        .ifPresent(v -> own.add(new LogTemplates.Template(k, v)));
            }
        }
        LogTemplates t = LogTemplates.of(own);
        templates = new Cached(s.generation(), t);
        return t;
    }
}
