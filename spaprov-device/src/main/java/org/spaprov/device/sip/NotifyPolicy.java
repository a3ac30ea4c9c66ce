package org.spaprov.device.sip;

import java.util.Locale;
import java.util.Optional;
import org.spaprov.device.DeviceControl;

/**
 * Decides the answer to one NOTIFY, with no SIP stack involved (SPEC §13.2):
 * <ol>
 *   <li>unknown or missing {@code Event:} → 489 Bad Event;</li>
 *   <li>{@code resync} while {@code Resync_From_SIP} is No, or {@code report} while {@code Report_Rule}
 *       is empty → 403;</li>
 *   <li>when {@code Auth_Resync-Reboot_1_} is Yes: no/stale credentials → 401 with a fresh digest
 *       challenge; wrong credentials → 403; the user is {@code Auth_ID_1_} when non-empty, else
 *       {@code User_ID_1_}, with {@code Password_1_};</li>
 *   <li>otherwise 200 and the event is to be performed.</li>
 * </ol>
 * Thread-safe (state lives in {@link DigestAuth}).
 */
final class NotifyPolicy {
    /** The outcome for one NOTIFY. */
    sealed interface Decision {
        int status();
    }

    /** Refuse with {@code status}. */
    record Reject(int status, String reason) implements Decision {
    }

    /** 401 with this {@code WWW-Authenticate} value. */
    record Challenge(String wwwAuthenticate) implements Decision {
        @Override
        public int status() {
            return 401;
        }
    }

    /** 200, then perform {@code event}. */
    record Accept(NotifyEvent event) implements Decision {
        @Override
        public int status() {
            return 200;
        }
    }

    private final DigestAuth digest;

    NotifyPolicy(DigestAuth digest) {
        this.digest = digest;
    }

    Decision decide(String eventHeader, String authorization, DeviceControl device) {
        Optional<NotifyEvent> parsed = NotifyEvent.parse(eventHeader);
        if (parsed.isEmpty()) {
            return new Reject(489, "Bad Event");
        }
        NotifyEvent event = parsed.get();
        if (event == NotifyEvent.RESYNC && !yes(device.param("Resync_From_SIP"))) {
            return new Reject(403, "Resync_From_SIP is No");
        }
        if (event == NotifyEvent.REPORT && device.param("Report_Rule").isBlank()) {
            return new Reject(403, "Report_Rule is empty");
        }
        if (!yes(device.param("Auth_Resync-Reboot_1_"))) {
            return new Accept(event);
        }
        String authId = device.param("Auth_ID_1_");
        String user = authId.isEmpty() ? device.param("User_ID_1_") : authId;
        return switch (digest.verify(authorization, "NOTIFY", user, device.param("Password_1_"))) {
            case OK -> new Accept(event);
            case MISSING -> new Challenge(digest.challenge(false));
            case STALE -> new Challenge(digest.challenge(true));
            case WRONG -> new Reject(403, "Forbidden");
        };
    }

    /**
     * Does what an accepted NOTIFY asks (after its 200 went out); a device that refuses is logged, not
     * thrown, as the sender already has its answer.
     */
    static void perform(DeviceControl device, NotifyEvent event, String requesterHost, org.slf4j.Logger log) {
        try {
            switch (event) {
                case RESYNC -> device.resyncNow(Optional.empty(), requesterHost);
                case REPORT -> device.sendReport();
                case REBOOT_NOW -> device.reboot(false);
                case RESTART_NOW -> device.reboot(true);
            }
        } catch (RuntimeException e) {
            log.warn("SIP NOTIFY {} for {}: device refused: {}", event.token(), device.mac(), e.toString());
        }
    }

    /** SPA booleans: {@code Yes}/{@code No} (also true/false, 1/0, on/off). */
    static boolean yes(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            default -> false;
        };
    }
}
