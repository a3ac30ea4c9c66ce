package org.spaprov.server.net;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.spaprov.server.provision.DeferredEvents;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;
import org.spaprov.server.store.ProvisionEvent;

/**
 * Stands in for the provisioning service and the report sink while a server starts. The transports bind
 * with the gate; a request that arrives before {@link #open} waits there, so it is answered by the real
 * chain, built with the ports actually bound (never with the ports of {@code spaprov.yaml}). When start-up
 * fails, {@link #abort()} releases the waiting calls with 503. The wait lasts from the first bind to the
 * end of start-up (building the chain: no I/O), also on an event loop with inline dispatch.
 *
 * Everything the transports may ask of the service ({@link DeferredEvents}, {@link ReportSink#admit}) is passed
 * through, so a transport sees the real chain's behaviour behind the gate.
 *
 * <p>Thread-safe; opened or aborted once.
 */
public final class StartGate implements ProvisionService, DeferredEvents, ReportSink {
    private static final int UNAVAILABLE = 503;

    private final CountDownLatch decided = new CountDownLatch(1);
    private final Runnable onHeld;
    private volatile ProvisionService service;
    private volatile ReportSink reports;

    public StartGate() {
        this(() -> { });
    }

    /** @param onHeld told, on the caller's thread, each time a call has to wait (tests) */
    public StartGate(Runnable onHeld) {
        this.onHeld = onHeld;
    }

    /** Lets every call through to {@code service} and {@code reports}, the waiting ones first. */
    public void open(ProvisionService service, ReportSink reports) {
        if (decided.getCount() == 0) {
            throw new IllegalStateException("the gate is already open or aborted");
        }
        this.service = service;
        this.reports = reports;
        decided.countDown();
    }

    /** Start-up failed: every call, waiting or not, gets 503. */
    public void abort() {
        decided.countDown();
    }

    @Override
    public ProvisionResult handle(ProvisionRequest request) {
        return awaitDecision() && service != null ? service.handle(request)
                : ProvisionResult.error(UNAVAILABLE, "server not running", Optional.empty());
    }

    @Override
    public ProvisionResult serve(ProvisionRequest request) {
        if (!awaitDecision() || service == null) {
            return ProvisionResult.error(UNAVAILABLE, "server not running", Optional.empty());
        }
        return service instanceof DeferredEvents d ? d.serve(request) : service.handle(request);
    }

    @Override
    public void record(ProvisionEvent event) {
        if (service instanceof DeferredEvents d) {
            d.record(event);
        }
    }

    @Override
    public int admit(ProvisionRequest request) {
        return awaitDecision() && reports != null ? reports.admit(request) : UNAVAILABLE;
    }

    @Override
    public int accept(ProvisionRequest request, byte[] body) {
        return awaitDecision() && reports != null ? reports.accept(request, body) : UNAVAILABLE;
    }

    private boolean awaitDecision() {
        if (decided.getCount() == 0) {
            return true;
        }
        onHeld.run();
        try {
            decided.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
