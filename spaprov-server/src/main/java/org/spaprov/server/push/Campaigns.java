package org.spaprov.server.push;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.profile.Profile;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.store.ProvisionEvent;

/**
 * Runs push campaigns: selects the devices, stores the campaign (all pending), then pushes each device
 * over SIP NOTIFY or HTTP at most {@code rate} per second, and never two at once to one source address
 * (devices behind one NAT are pushed one after the other). Each device's outcome goes to its campaign row
 * and, as an event ({@code protocol sip|http}), to the device's event list. The SIP sender starts with
 * the first SIP campaign and stops on {@link #close()}.
 *
 * <p>Thread-safe. Each campaign runs on a virtual thread; network waits are the sender's.
 */
public final class Campaigns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);

    /** What to start. {@code rate} empty = {@code push.rate} of the site. */
    public record Request(PushAction action, Via via, CampaignTarget target, Optional<Integer> rate) {
    }

    /** The push channel. */
    public enum Via {
        SIP, HTTP;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ServerCore core;
    private final CampaignStore store;
    private final Clock clock;
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private NotifySender sender;
    private boolean closed;

    public Campaigns(ServerCore core) {
        this.core = core;
        this.clock = core.clock();
        this.store = new CampaignStore(core.store().jdbi(), core.clock());
    }

    public CampaignStore store() {
        return store;
    }

    /**
     * Stores the campaign and starts pushing; returns its id at once.
     *
     * @throws IOException when the SIP sender cannot start
     */
    public long start(Request r) throws IOException {
        ServerConfig.Push config = core.config().push();
        int rate = r.rate().orElse(config.rate());
        List<DeviceRecord> devices = r.target().select(core.store().devices());
        NotifySender sip = r.via() == Via.SIP ? sender(config) : null;
        long id = store.create(r.action(), r.via().wire(), r.target().describe(), rate,
                devices.stream().map(DeviceRecord::mac).toList());
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(id, done);
        LOG.info("push: campaign {} {} via {} to {} ({} devices, {}/s)", id, r.action().apiName(), r.via().wire(),
                r.target().describe(), devices.size(), rate);
        Thread.ofVirtual().name("spaprov-campaign-" + id).start(() -> {
            try {
                run(id, r, devices, rate, config, sip);
            } catch (RuntimeException e) {
                LOG.warn("push: campaign {} stopped: {}", id, e.toString());
            } finally {
                store.finish(id);
                running.remove(id);
                done.complete(null);
            }
        });
        return id;
    }

    /** Completes when campaign {@code id} is done (at once when it is not running here). */
    public CompletableFuture<Void> whenDone(long id) {
        return running.getOrDefault(id, CompletableFuture.completedFuture(null));
    }

    private synchronized NotifySender sender(ServerConfig.Push config) throws IOException {
        if (closed) {
            throw new IOException("push: server stopping");
        }
        if (sender == null) {
            sender = NotifySender.start(InetAddress.getByName(core.config().listen().bind()), config.timeout());
            LOG.info("push: SIP NOTIFY from udp {}", sender.address());
        }
        return sender;
    }

    /** One device to push, resolved. */
    private record Job(DeviceRecord device, PushTargets.Resolved target) {
    }

    private void run(long id, Request r, List<DeviceRecord> devices, int rate, ServerConfig.Push config,
            NotifySender sip) {
        List<Job> jobs = devices.stream().map(d -> new Job(d, resolve(d, r, config))).toList();
        HttpPusher http = r.via() == Via.HTTP ? new HttpPusher(config.timeout()) : null;
        CampaignRun<Job> pacing = new CampaignRun<>(j -> j.target().sourceKey(),
                j -> j.target() instanceof PushTargets.Unreachable ? 1 : 0, rate);
        record Timed(PushOutcome outcome, Instant at, Duration took) {
        }
        try {
            pacing.run(jobs, j -> {
                Instant at = clock.instant();
                long t0 = System.nanoTime();
                return push(j, r.action(), sip, http).thenApply(o -> new Timed(o, at, Duration.ofNanos(System.nanoTime() - t0)));
            }, (j, t) -> record(id, j, r, t.outcome(), t.at(), t.took()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PushTargets.Resolved resolve(DeviceRecord d, Request r, ServerConfig.Push config) {
        Profile p;
        try {
            p = core.effectiveProfile(d);
        } catch (SiteException | RuntimeException e) {
            return new PushTargets.Unreachable("profile does not build: " + e.getMessage(), d.mac());
        }
        var contact = core.store().lastContact(d.mac());
        return r.via() == Via.SIP ? PushTargets.sip(d, p, contact, config)
                : PushTargets.http(d, p, contact, config, r.action());
    }

    private static CompletableFuture<PushOutcome> push(Job j, PushAction action, NotifySender sip, HttpPusher http) {
        return switch (j.target()) {
            case PushTargets.Sip s -> sip.send(s.target(), action.event());
            case PushTargets.Http h -> http.send(h.uri(), h.credentials());
            case PushTargets.Unreachable u -> CompletableFuture.completedFuture(
                    new PushOutcome(PushOutcome.Result.UNREACHABLE, 0, u.reason()));
        };
    }

    private void record(long id, Job j, Request r, PushOutcome o, Instant at, Duration took) {
        try {
            store.record(id, j.device().mac(), o, at);
            String address = switch (j.target()) {
                case PushTargets.Sip s -> s.target().address().getAddress().getHostAddress();
                case PushTargets.Http h -> h.uri().getHost();
                case PushTargets.Unreachable u -> "-";
            };
            String file = r.via() == Via.SIP ? "NOTIFY " + r.action().event()
                    : "GET " + r.action().httpPath().orElse("-");
            core.store().record(new ProvisionEvent(at, Optional.of(j.device().mac()), address, r.via().wire(), file,
                    o.status(), 0, took, "push: campaign " + id + ": " + o.result().wire() + ": " + o.detail()));
        } catch (RuntimeException e) {
            LOG.warn("push: campaign {}: cannot record {}: {}", id, j.device().mac(), e.toString());
        }
    }

    /** Stops the SIP sender (pending pushes end as unreachable). */
    @Override
    public synchronized void close() {
        closed = true;
        if (sender != null) {
            sender.close();
        }
    }
}
