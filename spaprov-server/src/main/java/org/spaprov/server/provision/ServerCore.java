package org.spaprov.server.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicReference;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.secrets.DataDir;
import org.spaprov.server.secrets.MasterKey;
import org.spaprov.server.secrets.SecretException;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SiteWatcher;
import org.spaprov.server.store.Store;
import org.spaprov.server.store.StoreException;

/**
 * The server minus its transports: the site (hot-reloaded once {@link #startWatching} is called), the
 * store and the report sink; {@link #chain} makes the provisioning chain once the transports know their
 * ports. {@code org.spaprov.server.SpaprovServer} is the one owner that puts these and the transports
 * together in order; tests use a core alone:
 *
 * <pre>{@code
 * try (ServerCore core = ServerCore.open(site, Optional.empty(), Optional.empty(), Clock.systemUTC())) {
 *     ProvisionResult r = core.chain(new BoundPorts(69, 80, 443)).handle(request);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the site watcher and flushes and closes the store.
 */
public final class ServerCore implements AutoCloseable {
    /** How often the site watcher looks for changed files, unless told otherwise. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

    private final Path siteDir;
    private final Path dataDir;
    private final Clock clock;
    private final Store store;
    private final SiteWatcher watcher;
    private final ReportStore reports;
    private final Optional<String> storeOverride;
    private final ServerMetrics metrics = new ServerMetrics();
    private volatile BoundPorts ports = BoundPorts.NONE;

    private ServerCore(Path siteDir, Path dataDir, Clock clock, Store store, SiteWatcher watcher,
            Optional<String> storeOverride) {
        this.siteDir = siteDir;
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = store;
        this.watcher = watcher;
        this.storeOverride = storeOverride;
        this.reports = new ReportStore(watcher::site, store);
    }

    /**
     * Loads the site, opens (and migrates) the store and syncs the site's devices into it. The site is
     * re-read on {@link #reloadNow()}, and polled once {@link #startWatching} is called.
     *
     * @param siteDir the site directory ({@code spaprov.yaml}, {@code layers/}, {@code devices.csv}, ...)
     * @param dataDir where the H2 store and reports live; default {@code <siteDir>/.data}
     * @param jdbcUrl the store; overrides {@code store:} in {@code spaprov.yaml}
     * @param clock   time of events, contacts and throttle windows
     * @throws SiteException when the site cannot be loaded (message names file:line) or the store
     *                       cannot be opened
     */
    public static ServerCore open(Path siteDir, Optional<Path> dataDir, Optional<String> jdbcUrl, Clock clock)
            throws SiteException {
        return open(siteDir, dataDir, jdbcUrl, clock, UnaryOperator.identity());
    }

    /** As {@link #open(Path, Optional, Optional, Clock)}, with {@code overrides} applied to every loaded site's settings. */
    public static ServerCore open(Path siteDir, Optional<Path> dataDir, Optional<String> jdbcUrl, Clock clock,
            UnaryOperator<ServerConfig> overrides) throws SiteException {
        Path site = siteDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(site)) {
            throw SiteException.at(siteDir.toString(), 0, "not a directory");
        }
        Path data = dataDir.orElse(site.resolve(".data")).toAbsolutePath().normalize();
        AtomicReference<Store> storeRef = new AtomicReference<>();
        SiteWatcher watcher = new SiteWatcher(site, data, s -> {
            Store st = storeRef.get();
            if (st != null) {
                st.syncSiteDevices(s.devices().values());
                st.retain(retention(s.config()));
            }
        }, SiteCheck::require, overrides);
        ServerConfig config = watcher.site().config();
        String url = jdbcUrl.or(config::storeUrl).orElse(Store.h2Url(data));
        Store store;
        try {
            // Data directory 0700, its files 0600; the store seals device keys and vars with the master key.
            DataDir.secure(data);
            store = Store.open(url, clock, MasterKey.load(data, System.getenv()));
            DataDir.secure(data);
        } catch (IOException e) {
            watcher.close();
            throw SiteException.at(data.toString(), 0, "cannot create the data directory: " + e.getMessage());
        } catch (SecretException e) {
            watcher.close();
            throw new SiteException(e.getMessage());
        } catch (StoreException e) {
            watcher.close();
            throw new SiteException(e.getMessage());
        }
        storeRef.set(store);
        store.retain(retention(config));
        try {
            store.syncSiteDevices(watcher.site().devices().values());
        } catch (RuntimeException e) {
            store.close();
            watcher.close();
            throw new SiteException("store: cannot sync the site's devices: " + e.getMessage());
        }
        ServerCore core = new ServerCore(site, data, clock, store, watcher, jdbcUrl);
        if (config.security().plainSecrets() == ServerConfig.PlainSecrets.ALLOW) {
            org.slf4j.LoggerFactory.getLogger(ServerCore.class).warn("security.plain-secrets: allow: passwords and keys"
                    + " go in the clear to any request naming a device (plain TFTP/HTTP); use it only for legacy fleets");
        }
        return core;
    }

    private static org.spaprov.server.store.Retention retention(ServerConfig c) {
        return new org.spaprov.server.store.Retention(c.events().keep(), c.events().maxRows());
    }

    /** Polls the site for changes every {@code interval} on a daemon thread (no-op once started). */
    public void startWatching(Duration interval) {
        watcher.start(interval);
    }

    /** Stops polling the site (a running reload finishes); {@link #close()} does it too. */
    public void stopWatching() {
        watcher.close();
    }

    /**
     * The configuration of the current site (CLI overrides of ports are the transport's business;
     * a {@code jdbcUrl} given to {@link #open} shows here as the store URL).
     */
    public ServerConfig config() {
        ServerConfig c = watcher.site().config();
        return storeOverride.isPresent() ? c.withStoreUrl(storeOverride) : c;
    }

    /** The current (last good) site. */
    public Site site() {
        return watcher.site();
    }

    /**
     * A new provisioning chain over this core's site and store. {@code ports} are the ports the transports
     * bound (-1 = not listening): the generated URLs name them, so build the chain after binding.
     */
    public ProvisionChain chain(BoundPorts ports) {
        this.ports = ports;
        return new ProvisionChain(watcher::site, store, new EnumerationThrottle(clock), () -> ports, metrics);
    }

    /**
     * The flattened profile the site gives {@code device} now, as its next request would be built before
     * validation; URLs naming the server's own ports are not meaningful here (push reads line settings).
     *
     * @throws SiteException when a layer of the device does not render
     */
    public org.spaprov.profile.Profile effectiveProfile(org.spaprov.server.device.DeviceRecord device)
            throws SiteException {
        return new BuildStage(() -> new BoundPorts(-1, -1, -1)).build(site(), device);
    }

    public ReportSink reportSink() {
        return reports;
    }

    /** Every report the sink accepts from now on also goes to {@code l} (feedback keeps them). */
    public void onReport(ReportListener l) {
        reports.listen(l);
    }

    /**
     * The profile {@code d} is meant to run: what the chain builds for it from the current site (with the
     * ports of the last {@link #chain}), secrets included, before the request's secret policy applies.
     *
     * @throws SiteException when its profile does not build (names file:line, never a value)
     */
    public org.spaprov.profile.Profile intendedProfile(org.spaprov.server.device.DeviceRecord d) throws SiteException {
        BoundPorts p = ports;
        return new BuildStage(() -> p).build(watcher.site(), d);
    }

    /** The meters of this server, scraped by {@code GET /metrics}; transports count into them too. */
    public ServerMetrics metrics() {
        return metrics;
    }

    public Store store() {
        return store;
    }

    public Path siteDir() {
        return siteDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Re-reads the site now, whether or not files look changed; returns false when the site is broken
     * (see {@link #siteError()}; the last good site keeps serving).
     */
    public boolean reloadNow() {
        return watcher.reloadNow(true);
    }

    /** The error of the last failed reload (file:line: error: ...), empty when the site is good. */
    public Optional<String> siteError() {
        return watcher.error();
    }

    @Override
    public void close() {
        watcher.close();
        store.close();
    }
}
