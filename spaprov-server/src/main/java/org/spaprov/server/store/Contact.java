package org.spaprov.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last time a device was heard from. Immutable.
 *
 * @param mac       the device
 * @param at        when
 * @param address   from which IP address
 * @param protocol  {@code tftp}, {@code http}, {@code https}
 * @param userAgent the HTTP User-Agent, when sent
 * @param firmware  the firmware version parsed from the User-Agent
 */
public record Contact(String mac, Instant at, String address, String protocol, Optional<String> userAgent,
        Optional<String> firmware) {
    public Contact {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(at, "at");
        userAgent = userAgent == null ? Optional.empty() : userAgent.map(u -> u.length() > 256 ? u.substring(0, 256) : u);
        firmware = firmware == null ? Optional.empty() : firmware.map(f -> f.length() > 64 ? f.substring(0, 64) : f);
    }
}
