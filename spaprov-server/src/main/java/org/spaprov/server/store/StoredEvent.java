package org.spaprov.server.store;

import java.util.Objects;

/**
 * An event as the store numbered it: ids grow with every event written, so {@code after=id} pages through
 * new events ({@link Store#eventPage}). Immutable.
 *
 * @param id    its row id
 * @param event the event
 */
public record StoredEvent(long id, ProvisionEvent event) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
    }
}
