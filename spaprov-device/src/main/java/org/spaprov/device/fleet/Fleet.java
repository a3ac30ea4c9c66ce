package org.spaprov.device.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGeneratorFactory;
import java.util.Optional;
import java.util.function.Function;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.EngineObserver;
import org.spaprov.device.engine.Scheduler;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.HttpTransport;
import org.spaprov.device.fetch.TftpTransport;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.fetch.Transports;
import org.spaprov.device.state.DefaultsOverlay;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.StateStore;
import org.spaprov.device.sip.NotifyRouter;

/**
 * Many devices in one JVM: MACs counting up from a base, one shared model (with the fleet's
 * settings as its defaults, so they cost nothing per device), one shared transport limited to
 * {@code maxInFlight} concurrent downloads, one scheduler whose tasks run on virtual threads.
 *
 * <p>Counts outcomes per resync sequence ({@link FleetSummary}). Thread-safe.
 */
public final class Fleet implements AutoCloseable {
    /**
     * How to build the fleet.
     *
     * @param macBase     the first MAC; device {@code i} has {@code macBase + i}
     * @param settings    values every device starts with (like {@code --set})
     * @param maxInFlight downloads allowed at once across the fleet (a storm beyond it queues)
     */
    public record Config(int count, String macBase, DeviceModel model, Map<String, String> settings, String firmware,
                         String dhcpTftpServer, TlsSettings tls, FetchSettings fetch, int maxInFlight, long seed) {
        public Config {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1, got " + count);
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("max in-flight downloads must be >= 1, got " + maxInFlight);
            }
            macBase = DeviceIdentity.normalizeMac(macBase);
            if (DeviceIdentity.macToLong(macBase) + count - 1 > 0xffffffffffffL) {
                throw new IllegalArgumentException("MAC range " + macBase + " + " + count + " overflows 48 bits");
            }
            Objects.requireNonNull(model, "model");
            settings = Map.copyOf(settings);
            tls = tls == null ? TlsSettings.NONE : tls;
            fetch = fetch == null ? FetchSettings.DEFAULTS : fetch;
        }
    }

    private final Config config;
    private final Device[] devices;
    private final LongAdder successes = new LongAdder();
    private final LongAdder devicesDone = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong heapPerDevice = new AtomicLong();
    private volatile long startNanos = System.nanoTime();
    private final Object doneLock = new Object();

    /**
     * @param transport the network ({@code null}: TFTP/HTTP/HTTPS per {@code config})
     */
    public Fleet(Config config, Scheduler scheduler, Transport transport) throws IOException {
        this(config, scheduler, transport, mac -> Optional.empty());
    }

    /**
     * A fleet whose devices may carry client certificates ({@code certs}: MAC → credentials, e.g.
     * from a site's {@code pki/devices/<mac>.crt}); a device with one gets its own HTTPS client.
     */
    public Fleet(Config config, Scheduler scheduler, Transport transport,
                 Function<String, Optional<ClientCredentials>> certs) throws IOException {
        this.config = config;
        DeviceModel shared = config.settings().isEmpty() ? config.model()
                : new DefaultsOverlay(config.model(), config.settings());
        Transport net = transport != null ? transport : Transports.network(config.fetch(), config.tls());
        Semaphore permits = new Semaphore(config.maxInFlight());
        Transport limited = new Limited(net, permits);
        TftpTransport sharedTftp = new TftpTransport(config.fetch());
        long base = DeviceIdentity.macToLong(config.macBase());
        devices = new Device[config.count()];
        var randoms = RandomGeneratorFactory.of("L64X128MixRandom");
        for (int i = 0; i < devices.length; i++) {
            String mac = DeviceIdentity.macOf(base + i);
            Optional<ClientCredentials> cert = transport != null ? Optional.empty() : certs.apply(mac);
            DeviceIdentity id = new DeviceIdentity(shared.model(), mac, null, null, cert);
            Transport t = cert.isEmpty() ? limited : new Limited(new Transports(sharedTftp,
                    new HttpTransport(config.fetch(), config.tls().withClient(cert))), permits);
            devices[i] = Device.builder(id).model(shared).firmware(config.firmware()).scheduler(scheduler)
                    .random(randoms.create(config.seed() + i)).store(StateStore.NONE).transport(t)
                    .resolver(config.tls().resolver()).dhcpTftpServer(config.dhcpTftpServer())
                    .observer(new Probe()).build();
        }
    }

    /** Powers every device on at once (a power-failure storm, spread by Resync_Random_Delay). */
    public void powerOnAll() {
        startNanos = System.nanoTime();
        for (Device d : devices) {
            d.powerOn();
        }
    }

    /**
     * Starts one SIP NOTIFY responder for every device of the fleet on {@code bind}:{@code port} (0 = a
     * free port): NOTIFYs are routed by Request-URI user (a device's {@code User_ID_1_}, or its MAC) and
     * challenged with the device's line credentials. The caller closes it.
     */
    public NotifyRouter listenSip(InetAddress bind, int port, java.time.Clock clock) throws IOException {
        return NotifyRouter.start(List.of(devices), bind, port, clock);
    }

    /** Measures heap in use after a GC, per device (call when the fleet is built). */
    public long measureHeapPerDevice() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long used = mem.getHeapMemoryUsage().getUsed();
        long per = used / devices.length;
        heapPerDevice.set(per);
        return per;
    }

    public int size() {
        return devices.length;
    }

    public Device device(int i) {
        return devices[i];
    }

    public List<Device> devices() {
        return List.of(devices);
    }

    /** Devices that finished their first resync sequence. */
    public long devicesDone() {
        return devicesDone.sum();
    }

    /** Blocks until every device finished a resync sequence, or {@code timeout} (real time) passed. */
    public boolean awaitAllDone(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (doneLock) {
            while (devicesDone.sum() < devices.length) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                doneLock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    public FleetSummary summary() {
        Map<String, Long> f = new HashMap<>();
        failures.forEach((k, v) -> f.put(k, v.sum()));
        return new FleetSummary(devices.length, devicesDone.sum(), successes.sum(), f, requests.sum(),
                (System.nanoTime() - startNanos) / 1e9, latency.percentileMillis(0.5), latency.percentileMillis(0.9),
                latency.percentileMillis(0.99), latency.percentileMillis(1.0), heapPerDevice.get());
    }

    @Override
    public void close() {
        // devices hold no threads; the scheduler belongs to the caller
    }

    /** Counts one device's resync outcomes. */
    private final class Probe implements EngineObserver {
        private boolean counted;

        @Override
        public void resyncDone(boolean ok, String err) {
            if (ok) {
                successes.increment();
            } else {
                failures.computeIfAbsent(err, k -> new LongAdder()).increment();
            }
            if (!counted) {
                counted = true;
                devicesDone.increment();
                if (devicesDone.sum() >= devices.length) {
                    synchronized (doneLock) {
                        doneLock.notifyAll();
                    }
                }
            }
        }
    }

    /** Bounds concurrent downloads and times each one. */
    private final class Limited implements Transport {
        private final Transport inner;
        private final Semaphore permits;

        Limited(Transport inner, Semaphore permits) {
            this.inner = inner;
            this.permits = permits;
        }

        @Override
        public FetchResult fetch(FetchRequest r) {
            permits.acquireUninterruptibly();
            long t0 = System.nanoTime();
            try {
                return inner.fetch(r);
            } finally {
                latency.record(System.nanoTime() - t0);
                requests.increment();
                permits.release();
            }
        }
    }

}
