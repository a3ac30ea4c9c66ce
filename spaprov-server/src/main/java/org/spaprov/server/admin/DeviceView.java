package org.spaprov.server.admin;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.feedback.status.DeviceStatus;
import org.spaprov.server.store.Contact;

/**
 * A device as the admin API shows it: no secrets. The vars are listed by name only (their values may
 * be passwords) and the AES key only as whether one is set. Immutable; serialised by Jackson.
 *
 * @param mac         12 lower-case hex digits
 * @param model       catalog model
 * @param serial      serial number, null when unknown
 * @param groups      group layers in the order they apply
 * @param source      {@code site}, {@code api} or {@code auto}
 * @param vars        names of the server-side variables, sorted
 * @param keySet      whether the device has an AES key
 * @param lastContact when it was last heard from, null when never
 * @param status      what it did: last contact, firmware, last resync and upgrade, stale, applied state (null in
 *                    the answer to a write)
 */
record DeviceView(String mac, String model, String serial, List<String> groups, String source, List<String> vars,
        boolean keySet, ContactView lastContact, DeviceStatus status) {

    static DeviceView of(DeviceRecord d, Optional<Contact> contact, DeviceStatus status) {
        return new DeviceView(d.mac(), d.model(), d.serial().orElse(null), d.groups(),
                d.source().name().toLowerCase(java.util.Locale.ROOT), List.copyOf(new TreeSet<>(d.vars().keySet())),
                d.key().isPresent(), contact.map(ContactView::of).orElse(null), status);
    }

    /**
     * The last contact of a device.
     *
     * @param at        ISO-8601 UTC time
     * @param address   peer IP address
     * @param protocol  {@code tftp}, {@code http}, {@code https}
     * @param userAgent the HTTP User-Agent, null when none was sent
     * @param firmware  firmware version from the User-Agent, null when unknown
     */
    record ContactView(String at, String address, String protocol, String userAgent, String firmware) {
        static ContactView of(Contact c) {
            return new ContactView(c.at().toString(), c.address(), c.protocol(), c.userAgent().orElse(null),
                    c.firmware().orElse(null));
        }
    }

    /** One device with its newest events, newest first. */
    record Detail(DeviceView device, List<EventView> events) {
    }
}
