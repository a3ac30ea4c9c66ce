package org.spaprov.server.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.spaprov.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link Site} and reloads it when its files change. Changes are found by polling a
 * fingerprint (path, size, modification time of every file; the data directory and {@code .git} are
 * skipped). A broken site is logged once with file:line and the last good site keeps serving.
 *
 * <p>{@link #reloadNow()} checks synchronously (tests, the API); {@link #start(Duration)} polls in a
 * daemon thread. Thread-safe.
 */
public final class SiteWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteWatcher.class);

    private final Path siteDir;
    private final Path dataDir;
    private final AtomicReference<Site> current = new AtomicReference<>();
    private final AtomicReference<Optional<String>> error = new AtomicReference<>(Optional.empty());
    private final Consumer<Site> onChange;
    private final Check check;
    private final UnaryOperator<ServerConfig> overrides;
    private long fingerprint;
    private String lastLoggedError = "";
    private ScheduledExecutorService poller;

    /**
     * Loads the site once; fails when that first load fails (there is no last good site yet).
     *
     * @param onChange called (on the reloading thread) with each newly loaded site, the first included
     */
    public SiteWatcher(Path siteDir, Path dataDir, Consumer<Site> onChange) throws SiteException {
        this(siteDir, dataDir, onChange, s -> { });
    }

    /** A check of a whole loaded site (every device's profile builds); a site it refuses is not served. */
    @FunctionalInterface
    public interface Check {
        void check(Site site) throws SiteException;
    }

    /**
     * As {@link #SiteWatcher(Path, Path, Consumer)}, and each loaded site must also pass {@code check}
     * (at start: or the watcher fails; on reload: or the last good site keeps serving).
     */
    public SiteWatcher(Path siteDir, Path dataDir, Consumer<Site> onChange, Check check) throws SiteException {
        this(siteDir, dataDir, onChange, check, UnaryOperator.identity());
    }

    /**
     * As {@link #SiteWatcher(Path, Path, Consumer, Check)}, with {@code overrides} applied to the settings of every
     * loaded site before it is checked (command-line flags that the generated URLs must see, such as
     * {@code serve --public-host}).
     */
    public SiteWatcher(Path siteDir, Path dataDir, Consumer<Site> onChange, Check check,
            UnaryOperator<ServerConfig> overrides) throws SiteException {
        this.overrides = overrides;
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.onChange = onChange;
        this.check = check;
        this.fingerprint = fingerprint();
        Site s = load(1);
        check.check(s);
        current.set(s);
        onChange.accept(s);
    }

    private Site load(long generation) throws SiteException {
        Site s = SiteLoader.load(siteDir, dataDir, generation);
        return s.withConfig(overrides.apply(s.config()));
    }

    /** The last good site. */
    public Site site() {
        return current.get();
    }

    /** The error of the last failed load (file:line: error: ...), empty when the site is good. */
    public Optional<String> error() {
        return error.get();
    }

    /** Starts polling every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("spaprov-site-watcher")
                .daemon(true).unstarted(r));
        long ms = Math.max(50, interval.toMillis());
        poller.scheduleWithFixedDelay(new Poll(), ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads when the files changed since the last load (or when {@code force}).
     *
     * @return true when a new site was loaded
     */
    public synchronized boolean reloadNow(boolean force) {
        long fp = fingerprint();
        if (!force && fp == fingerprint) {
            return false;
        }
        fingerprint = fp;
        try {
            Site s = load(current.get().generation() + 1);
            check.check(s);
            current.set(s);
            error.set(Optional.empty());
            lastLoggedError = "";
            LOG.info("site {}: reloaded (generation {})", siteDir, s.generation());
            onChange.accept(s);
            return true;
        } catch (SiteException e) {
            error.set(Optional.of(e.getMessage()));
            if (!e.getMessage().equals(lastLoggedError)) {
                LOG.error("site {}: {}; still serving generation {}", siteDir, e.getMessage(), current.get().generation());
                lastLoggedError = e.getMessage();
            }
            return false;
        }
    }

    /** {@link #reloadNow(boolean)} without forcing. */
    public boolean reloadNow() {
        return reloadNow(false);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private long fingerprint() {
        long[] h = {1125899906842597L};
        try {
            Files.walkFileTree(siteDir, java.util.Set.of(), 6, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (d.equals(dataDir) || (!d.equals(siteDir) && (n.startsWith(".") || n.equals("pki")))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    h[0] = 31 * h[0] + f.toString().hashCode();
                    h[0] = 31 * h[0] + a.size();
                    h[0] = 31 * h[0] + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    h[0] = 31 * h[0] + (a.isSymbolicLink() ? 7 : 0);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            h[0] = 31 * h[0] + 17;
        }
        return h[0];
    }

    /** The poll task: reload on change, never throw (a thrown task would stop the schedule). */
    private final class Poll implements Runnable {
        @Override
        public void run() {
            try {
                reloadNow(false);
            } catch (RuntimeException e) {
                LOG.error("site {}: reload failed: {}", siteDir, e.toString());
            }
        }
    }
}
