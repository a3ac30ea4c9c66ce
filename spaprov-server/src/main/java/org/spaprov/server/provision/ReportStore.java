package org.spaprov.server.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.profile.Mac;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.ProvisionEvent;
import org.spaprov.server.store.Store;

/**
 * The {@link ReportSink}: writes an uploaded report to the site's report folder under the file
 * name the device used (last path segment only), replacing it atomically. The uploader must be a
 * known device: its client certificate's MAC, else a MAC in the file name; a certificate naming
 * another MAC than the file → 403. Larger than {@link #MAX_REPORT} → 413. Thread-safe.
 */
public final class ReportStore implements ReportSink {
    /** Largest report accepted (4 MiB). */
    public static final int MAX_REPORT = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);
    private static final Pattern MAC_IN_NAME = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{12})(?![0-9A-Fa-f])");

    private final Supplier<Site> site;
    private final Store store;

    public ReportStore(Supplier<Site> site, Store store) {
        this.site = site;
        this.store = store;
    }

    @Override
    public int accept(ProvisionRequest r, byte[] body) {
        long t0 = System.nanoTime();
        Instant at = store.clock().instant();
        Outcome o = store(r, body);
        String address = r.remote().getAddress() == null ? r.remote().getHostString() : r.remote().getAddress().getHostAddress();
        store.record(new ProvisionEvent(at, o.mac(), address, r.protocol().scheme(), PathGuard.printable(r.path()),
                o.status(), body.length, Duration.ofNanos(System.nanoTime() - t0), o.reason()));
        if (o.status() >= 400) {
            LOG.info("{} {} report {}: {} {}", r.protocol().scheme(), address, PathGuard.printable(r.path()),
                    o.status(), o.reason());
        }
        return o.status();
    }

    private record Outcome(int status, String reason, Optional<String> mac) {
    }

    /** The naming checks of {@link #accept}, before any byte of the body: a known device's report name, or 403. */
    @Override
    public int admit(ProvisionRequest r) {
        return identify(r).status();
    }

    private Outcome store(ProvisionRequest r, byte[] body) {
        if (body.length > MAX_REPORT) {
            return new Outcome(413, "report too large", Optional.empty());
        }
        Outcome who = identify(r);
        if (who.status() != 200) {
            return who;
        }
        String path = ((PathGuard.Ok) PathGuard.check(r.path())).path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Optional<String> mac = who.mac();
        Site s = site.get();
        Path folder = s.config().reportFolder();
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(200, "report stored", mac);
        } catch (IOException e) {
            LOG.warn("device {}: cannot store report {}: {}", mac.get(), name, e.getMessage());
            return new Outcome(500, "cannot store report", mac);
        }
    }

    /** Who uploads under which name: 200 with the device, or why not. */
    private Outcome identify(ProvisionRequest r) {
        PathGuard.Result g = PathGuard.check(r.path());
        if (g instanceof PathGuard.Refused(String reason)) {
            return new Outcome(403, "refused path: " + reason, Optional.empty());
        }
        String path = ((PathGuard.Ok) g).path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".")) {
            return new Outcome(403, "refused path: bad file name", Optional.empty());
        }
        Matcher m = MAC_IN_NAME.matcher(name);
        Optional<String> nameMac = m.find() ? Mac.tryParse(m.group(1)).map(Mac::hex) : Optional.empty();
        Optional<String> mac = nameMac;
        if (r.clientCert().isPresent()) {
            Optional<String> certMac = IdentifyStage.macOf(r.clientCert().get());
            if (certMac.isEmpty()) {
                return new Outcome(403, "client certificate names no MAC (CN or ST)", Optional.empty());
            }
            if (nameMac.isPresent() && !nameMac.equals(certMac)) {
                return new Outcome(403, "client certificate of " + certMac.get() + " uploaded as " + nameMac.get(), certMac);
            }
            mac = certMac;
        }
        if (mac.isEmpty()) {
            return new Outcome(403, "report names no device", Optional.empty());
        }
        Site s = site.get();
        if (!s.devices().containsKey(mac.get()) && store.device(mac.get()).isEmpty()) {
            return new Outcome(403, "unknown device", mac);
        }
        return new Outcome(200, "", mac);
    }
}
