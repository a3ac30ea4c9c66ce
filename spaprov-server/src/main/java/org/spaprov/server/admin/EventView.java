package org.spaprov.server.admin;

import org.spaprov.server.store.ProvisionEvent;
import org.spaprov.server.store.StoredEvent;

/**
 * A provisioning event as the admin API shows it (the store never records secrets in one).
 * Immutable; serialised by Jackson.
 *
 * @param id             the store's number of it (grows; {@code /events?after=id} pages on), null with a device
 * @param at             ISO-8601 UTC time the request arrived
 * @param mac            the device it was attributed to, null when none
 * @param address        the peer's IP address
 * @param protocol       {@code tftp}, {@code http}, {@code https}
 * @param file           the path asked for
 * @param status         HTTP-like status
 * @param bytes          body bytes sent or received
 * @param durationMicros time spent in the server
 * @param reason         why ({@code served}, {@code unknown device}, ...)
 * @param count          requests it stands for (refusals from one address, status and minute are one event)
 */
record EventView(Long id, String at, String mac, String address, String protocol, String file, int status, long bytes,
        long durationMicros, String reason, int count) {

    static EventView of(StoredEvent s) {
        EventView v = of(s.event());
        return new EventView(s.id(), v.at(), v.mac(), v.address(), v.protocol(), v.file(), v.status(), v.bytes(),
                v.durationMicros(), v.reason(), v.count());
    }

    static EventView of(ProvisionEvent e) {
        return new EventView(null, e.at().toString(), e.mac().orElse(null), e.address(), e.protocol(), e.file(), e.status(),
                e.bytes(), e.duration().toNanos() / 1000, e.reason(), e.count());
    }
}
