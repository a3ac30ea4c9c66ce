package org.spaprov.server.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.spaprov.server.site.ServerConfig;
import org.spaprov.server.site.ServerConfigReader;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.store.Store;

/**
 * The server minus its transports: the site (hot-reloaded), the store, the provisioning chain and
 * the report sink. The transports ("servernet") open one, read {@link #config()} for ports and TLS,
 * and hand every request to {@link #provisionService()} / {@link #reportSink()}.
 *
 * <p>Thread-safe. {@link #close()} stops the site watcher and flushes and closes the store.
 */
public final class ServerCore implements AutoCloseable {
    private final Path siteDir;
    private final Path dataDir;
    private final Clock clock;
    private final ServerConfig config;
    private final Store store;

    private ServerCore(Path siteDir, Path dataDir, Clock clock, ServerConfig config, Store store) {
        this.siteDir = siteDir;
        this.dataDir = dataDir;
        this.clock = clock;
        this.config = config;
        this.store = store;
    }

    /**
     * Loads the site, opens (and migrates) the store, and starts watching the site for changes.
     *
     * @param siteDir the site directory ({@code spaprov.yaml}, {@code layers/}, {@code devices.csv}, ...)
     * @param dataDir where the H2 store and reports live; default {@code <siteDir>/.data}
     * @param jdbcUrl the store; overrides {@code store:} in {@code spaprov.yaml}
     * @param clock   time of events, throttle windows and the reload poll
     * @throws SiteException when the site cannot be loaded at all (message names file:line)
     */
    public static ServerCore open(Path siteDir, Optional<Path> dataDir, Optional<String> jdbcUrl, Clock clock)
            throws SiteException {
        Path site = siteDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(site)) {
            throw SiteException.at(siteDir.toString(), 0, "not a directory");
        }
        Path data = dataDir.orElse(site.resolve(".data")).toAbsolutePath().normalize();
        Path yaml = site.resolve(ServerConfigReader.FILE);
        ServerConfig config;
        try {
            config = Files.exists(yaml) ? ServerConfigReader.read(Files.readAllBytes(yaml), site, data)
                    : ServerConfigReader.defaults(site, data);
        } catch (java.io.IOException e) {
            throw SiteException.at(ServerConfigReader.FILE, 0, "cannot read: " + e.getMessage());
        }
        if (jdbcUrl.isPresent()) {
            config = config.withStoreUrl(jdbcUrl);
        }
        String url = config.storeUrl().orElse(Store.h2Url(data));
        try {
            Files.createDirectories(data);
            return new ServerCore(site, data, clock, config, Store.open(url, clock));
        } catch (java.io.IOException e) {
            throw SiteException.at(data.toString(), 0, "cannot create the data directory: " + e.getMessage());
        } catch (org.spaprov.server.store.StoreException e) {
            throw new SiteException(e.getMessage());
        }
    }

    /** The configuration of the site as loaded (CLI overrides are the transport's business). */
    public ServerConfig config() {
        return config;
    }

    public ProvisionService provisionService() {
        return r -> ProvisionResult.error(404, "not implemented yet", Optional.empty());
    }

    public ReportSink reportSink() {
        return (r, body) -> 500;
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
     * Tells the core the ports the transports actually bound (port 0 in the config picks one), so the
     * generated firmware {@code Upgrade_Rule} can name them. -1 = not listening.
     */
    public void setBoundPorts(int tftpPort, int httpPort, int httpsPort) {
    }

    /** Re-reads the site now; returns true when it changed. A broken site keeps the last good one. */
    public boolean reloadNow() {
        return false;
    }

    /** The error of the last failed reload (file:line: error: ...), empty when the site is good. */
    public Optional<String> siteError() {
        return Optional.empty();
    }

    @Override
    public void close() {
        store.close();
    }
}
