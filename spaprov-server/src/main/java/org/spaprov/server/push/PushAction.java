package org.spaprov.server.push;

import java.util.Locale;
import java.util.Optional;

/** What a push asks a device to do, with its SIP {@code Event:} token (SPEC §13.2) and admin web path. */
public enum PushAction {
    /** Resync now ({@code Event: resync}; {@code check-sync} is the alias other servers send). */
    RESYNC("resync", "/admin/resync"),
    /** Resync, announced as {@code Event: check-sync} (the alias of other vendors' servers; SPAs accept both). */
    CHECK_SYNC("check-sync", "/admin/resync"),
    /** One {@code Report_Rule} upload ({@code Event: report}); no HTTP form. */
    REPORT("report", null),
    /** Cold restart ({@code Event: reboot_now}, {@code /admin/reboot}). */
    REBOOT("reboot_now", "/admin/reboot");

    private final String event;
    private final String httpPath;

    PushAction(String event, String httpPath) {
        this.event = event;
        this.httpPath = httpPath;
    }

    /** The SIP {@code Event:} token. */
    public String event() {
        return event;
    }

    /** The device's admin web path for this action, empty when there is none. */
    public Optional<String> httpPath() {
        return Optional.ofNullable(httpPath);
    }

    /** The API's name: {@code resync}, {@code check-sync}, {@code report}, {@code reboot}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action named {@code resync}, {@code check-sync}, {@code report} or {@code reboot} (case-insensitive). */
    public static Optional<PushAction> parse(String s) {
        for (PushAction a : values()) {
            if (a.apiName().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
