package org.spaprov.server.provision;

import org.spaprov.server.store.ProvisionEvent;

/**
 * A {@link ProvisionService} whose event a transport may record itself, once it knows what actually happened: a
 * TFTP read is answered before any data is sent, and may still complete, time out or be aborted by the client.
 * Thread-safe.
 */
public interface DeferredEvents {

    /** Answers like {@link ProvisionService#handle}, logs a refusal the same way, but records no event. */
    ProvisionResult serve(ProvisionRequest request);

    /** Records one event: the outcome of a request {@link #serve} answered, or one the transport refused itself. */
    void record(ProvisionEvent event);
}
