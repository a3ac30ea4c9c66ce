package org.spaprov.device.engine;

import java.util.Arrays;
import java.util.Locale;
import org.spaprov.device.DeviceControl;
import org.spaprov.device.fetch.HostResolver;

/**
 * The seams to the peripheral features (report upload, domain restriction) so the engine works
 * without them; the null objects here are replaced by the real implementations when wired.
 */
public final class Hooks {
    private Hooks() {
    }

    /** Sends one configuration report (SPEC §8). */
    @FunctionalInterface
    public interface ReportSender {
        ReportSender NONE = device -> { };

        void send(DeviceControl device);
    }

    /** SPEC §15.16: may the device contact {@code host}? */
    @FunctionalInterface
    public interface DomainCheck {
        /** The documented rule: empty list allows all; else host equals or is under a listed domain; IPs refused. */
        DomainCheck SPEC = (host, restricted) -> {
            if (restricted == null || restricted.isBlank()) {
                return true;
            }
            if (HostResolver.isIpLiteral(host)) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return Arrays.stream(restricted.split(",")).map(d -> d.trim().toLowerCase(Locale.ROOT))
                    .filter(d -> !d.isEmpty()).anyMatch(d -> h.equals(d) || h.endsWith("." + d));
        };

        boolean allowed(String host, String restrictedAccessDomains);
    }
}
