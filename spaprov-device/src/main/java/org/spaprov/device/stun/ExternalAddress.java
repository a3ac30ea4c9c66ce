package org.spaprov.device.stun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.engine.Scheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.net.HostPort;

/**
 * {@code $EXTIP} (SPEC §15.25): the configured {@code EXT_IP} when set; else, with
 * {@code STUN_Enable}, the mapped address from an RFC 5389 Binding request to {@code STUN_Server}
 * ({@code host[:port]}, port 3478 by default); else empty.
 *
 * <p>{@link #start} discovers once on the caller's thread, so {@code $EXTIP} is known before the
 * device powers on; then discovery runs on the injected {@link Scheduler} every
 * {@value #RECHECK_SECONDS} s of its time (the parameters are read afresh each time, so a resync
 * that turns STUN on takes effect within that period). A discovered address counts only for the
 * {@code STUN_Server} that gave it. Thread-safe.
 */
public final class ExternalAddress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalAddress.class);
    /** Seconds between discoveries (and between checks while STUN is off). */
    public static final long RECHECK_SECONDS = 60;

    /** An address and the STUN_Server value it came from. */
    private record Discovered(String server, String address) { }

    private final UnaryOperator<String> param;
    private final Scheduler scheduler;
    private final StunClient client;
    private final HostResolver resolver;
    private volatile Discovered discovered;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;
    private boolean closed;

    /**
     * @param param the device's current parameter values by XML name ("" when unset)
     */
    public ExternalAddress(UnaryOperator<String> param, Scheduler scheduler, StunClient client, HostResolver resolver) {
        this.param = param;
        this.scheduler = scheduler;
        this.client = client;
        this.resolver = resolver;
    }

    /**
     * Discovers once now (when STUN is on this blocks up to the client's retransmission time), then
     * schedules the rechecks.
     */
    public ExternalAddress start() {
        discover();
        synchronized (this) {
            if (!closed) {
                timer = scheduler.schedule(Duration.ofSeconds(RECHECK_SECONDS), new DiscoverTask());
            }
        }
        return this;
    }

    /** {@code $EXTIP} now. */
    public String extIp() {
        String configured = param.apply("EXT_IP").strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        Discovered d = discovered;
        return stunOn() && d != null && d.server.equals(param.apply("STUN_Server").strip()) ? d.address : "";
    }

    /** Cancels the next discovery. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        timer.cancel();
    }

    /** One discovery; blocking (at most the client's retransmission time). */
    void discover() {
        String server = param.apply("STUN_Server").strip();
        if (!stunOn() || server.isEmpty() || !param.apply("EXT_IP").isBlank()) {
            return;
        }
        Optional<InetSocketAddress> target = HostPort.parse(server, StunClient.DEFAULT_PORT);
        if (target.isEmpty()) {
            LOG.info("STUN: ignoring STUN_Server '{}' (want host[:port])", server);
            return;
        }
        try {
            InetAddress ip = resolver.resolve(target.get().getHostString()).get(0);
            InetSocketAddress mapped = client.bind(new InetSocketAddress(ip, target.get().getPort()));
            String address = mapped.getAddress().getHostAddress();
            Discovered before = discovered;
            discovered = new Discovered(server, address);
            if (before == null || !before.address.equals(address)) {
                LOG.info("STUN: external address {} (from {})", address, server);
            }
        } catch (UnknownHostException e) {
            LOG.info("STUN: cannot resolve {}", target.get().getHostString());
        } catch (IOException e) {
            LOG.info("STUN: {}", e.getMessage());
        }
    }

    private boolean stunOn() {
        return param.apply("STUN_Enable").strip().equalsIgnoreCase("yes");
    }

    /** Runs at start and every RECHECK_SECONDS: one discovery, then re-arms itself. */
    private final class DiscoverTask implements Runnable {
        @Override
        public void run() {
            synchronized (ExternalAddress.this) {
                if (closed) {
                    return;
                }
            }
            discover();
            synchronized (ExternalAddress.this) {
                if (!closed) {
                    timer = scheduler.schedule(Duration.ofSeconds(RECHECK_SECONDS), this);
                }
            }
        }
    }
}
