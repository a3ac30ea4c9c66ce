package org.spaprov.device.sip;

import java.util.Locale;
import java.util.Optional;

/** The NOTIFY {@code Event:} packages the device acts on (SPEC §13.2). */
public enum NotifyEvent {
    /** Resync now, gated by {@code Resync_From_SIP}; {@code check-sync} is an alias (SPEC §13.2). */
    RESYNC("resync"),
    /** One Report_Rule attempt, gated by a non-empty {@code Report_Rule}. */
    REPORT("report"),
    /** Cold restart. */
    REBOOT_NOW("reboot_now"),
    /** Warm restart. */
    RESTART_NOW("restart_now");

    /** Accepted alias of {@link #RESYNC}, as other vendors' servers send it. */
    public static final String CHECK_SYNC = "check-sync";

    private final String token;

    NotifyEvent(String token) {
        this.token = token;
    }

    /** The {@code Event:} token. */
    public String token() {
        return token;
    }

    /**
     * The event named by an {@code Event:} header value such as {@code resync} or
     * {@code check-sync;reboot=false} (parameters ignored, case-insensitive).
     */
    public static Optional<NotifyEvent> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        int semi = headerValue.indexOf(';');
        String t = (semi < 0 ? headerValue : headerValue.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (t.equals(CHECK_SYNC)) {
            return Optional.of(RESYNC);
        }
        for (NotifyEvent e : values()) {
            if (e.token.equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
