package org.spaprov.device.engine;

import org.spaprov.device.DeviceControl;

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
        /** The rule of SPEC §15.16, as {@link org.spaprov.device.policy.DomainPolicy} implements it. */
        DomainCheck SPEC = org.spaprov.device.policy.DomainPolicy::allowed;

        boolean allowed(String host, String restrictedAccessDomains);
    }
}
