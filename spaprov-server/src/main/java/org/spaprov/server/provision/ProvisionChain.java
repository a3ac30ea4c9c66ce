package org.spaprov.server.provision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.ProvisionEvent;
import org.spaprov.server.store.Store;

/**
 * The {@link ProvisionService}: guard → identify → resolve → throttle → unknown-device policy →
 * conditional (304) → firmware → cache → build → validate → encode. Every request becomes one event in the store
 * (a transport that learns the outcome later records it itself through {@link DeferredEvents}); refusals
 * and errors are logged with the device and reason (never a secret). A stage that throws is a bug:
 * the request gets 500 naming the stage, the server goes on. Thread-safe.
 */
public final class ProvisionChain implements ProvisionService, DeferredEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionChain.class);

    private final Supplier<Site> site;
    private final Store store;
    private final List<Stage> stages;
    private final RefusalLog refusals;
    private final ProfileInputs inputs = new ProfileInputs();

    /** A chain whose meters nobody scrapes (tests). */
    public ProvisionChain(Supplier<Site> site, Store store, EnumerationThrottle throttle, Supplier<BoundPorts> ports) {
        this(site, store, throttle, ports, new ServerMetrics());
    }

    public ProvisionChain(Supplier<Site> site, Store store, EnumerationThrottle throttle, Supplier<BoundPorts> ports,
            ServerMetrics metrics) {
        this.site = site;
        this.store = store;
        this.refusals = new RefusalLog(store.clock());
        this.stages = List.of(new GuardStage(), new IdentifyStage(), new ResolveStage(store), new ThrottleStage(throttle),
                new PolicyStage(store), new ConditionalStage(), new FirmwareStage(), new CacheStage(metrics), new BuildStage(ports), new ValidateStage(),
                new EncodeStage());
    }

    @Override
    public ProvisionResult handle(ProvisionRequest r) {
        long t0 = System.nanoTime();
        Instant at = store.clock().instant();
        ProvisionResult res = serve(r);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String address = r.remote().getAddress() == null ? r.remote().getHostString() : r.remote().getAddress().getHostAddress();
        store.record(new ProvisionEvent(at, res.deviceMac(), address, r.protocol().scheme(), PathGuard.printable(r.path()),
                res.status(), res.body().length, took, res.reason()));
        return res;
    }

    @Override
    public void record(ProvisionEvent event) {
        store.record(event);
    }

    @Override
    public ProvisionResult serve(ProvisionRequest r) {
        ProvisionResult res = proceed(RequestContext.start(r, site.get()), 0);
        if (res.isOk() && res.reason().startsWith("served") && res.deviceMac().isPresent()) {
            // The applied state's "served" step (feedback.status): which profile version the device fetched.
            String mac = res.deviceMac().get();
            store.device(mac).ifPresent(d -> store.status().served(mac, res.etag(), inputs.of(site.get(), d)));
        }
        if (res.status() >= 400) {
            String address = r.remote().getAddress() == null ? r.remote().getHostString()
                    : r.remote().getAddress().getHostAddress();
            refusals.log(address, res.status(), more -> LOG.info("{} {} {}: {} {}{}{}", r.protocol().scheme(), address,
                    PathGuard.printable(r.path()), res.status(), res.reason(),
                    res.deviceMac().map(m -> " (device " + m + ")").orElse(""), more));
        }
        return res;
    }

    private ProvisionResult proceed(RequestContext ctx, int index) {
        if (index >= stages.size()) {
            return ctx.error(500, "no stage answered");
        }
        Stage s = stages.get(index);
        try {
            ProvisionResult r = s.handle(ctx, next -> proceed(next, index + 1));
            if (r == null) {
                return ctx.error(500, s.getClass().getSimpleName() + " returned nothing");
            }
            return r;
        } catch (RuntimeException e) {
            LOG.error("{} failed on {}: {}", s.getClass().getSimpleName(), PathGuard.printable(ctx.request().path()), e.toString());
            return ctx.error(500, "internal error in " + s.getClass().getSimpleName());
        }
    }
}
