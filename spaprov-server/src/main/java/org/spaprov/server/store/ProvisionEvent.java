package org.spaprov.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One served (or refused) request. Immutable. {@code reason} never carries a secret.
 *
 * @param at       when the request arrived
 * @param mac      the device it was attributed to, when known
 * @param address  the peer's IP address
 * @param protocol {@code tftp}, {@code http}, {@code https}
 * @param file     the path asked for (query included, cut to 512 characters)
 * @param status   HTTP-like status
 * @param bytes    body bytes sent (or received, for uploads)
 * @param duration time spent in the server
 * @param reason   why (e.g. {@code served}, {@code unknown device}, {@code validation: ...})
 * @param count    how many requests this event stands for: refusals (4xx) from one address with one
 *                 status within one minute are one event, the first, with their count
 */
public record ProvisionEvent(Instant at, Optional<String> mac, String address, String protocol, String file,
        int status, long bytes, Duration duration, String reason, int count) {
    /** One request. */
    public ProvisionEvent(Instant at, Optional<String> mac, String address, String protocol, String file,
            int status, long bytes, Duration duration, String reason) {
        this(at, mac, address, protocol, file, status, bytes, duration, reason, 1);
    }

    public ProvisionEvent {
        Objects.requireNonNull(at, "at");
        mac = mac == null ? Optional.empty() : mac;
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        file = file == null ? "" : cut(file, 512);
        reason = reason == null ? "" : cut(reason, 512);
        duration = duration == null ? Duration.ZERO : duration;
        count = Math.max(1, count);
    }

    /** True for the events that are aggregated per address, status and minute. */
    public boolean isRefusal() {
        return status >= 400 && status < 500;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
