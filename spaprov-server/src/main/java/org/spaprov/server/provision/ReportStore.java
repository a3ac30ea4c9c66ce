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
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.OpenSslAes;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.config.ServerConfig.PlainSecrets;
import org.spaprov.server.site.Site;
import org.spaprov.server.store.ProvisionEvent;
import org.spaprov.server.store.Store;

/**
 * The {@link ReportSink}: writes an uploaded report to the site's report folder under the file
 * name the device used (last path segment only), replacing it atomically. The uploader must be a
 * known device: its client certificate's MAC, else a MAC in the file name; a certificate naming
 * another MAC than the file → 403. Larger than {@link #MAX_REPORT} → 413.
 *
 * <p>Only an upload <em>authenticated for the device</em> is stored (SPEC §15.24), as for secrets:
 * it came with the device's verified client certificate, or its body is encrypted with the device's
 * own key ({@code Report_Rule} {@code [--key $SA]}; it is stored decrypted, and must decrypt to a
 * flat-profile). Anything else → 403 and nothing changes, unless the site opted into the legacy
 * {@code security.plain-secrets: allow}. Thread-safe.
 */
public final class ReportStore implements ReportSink {
    /** Largest report accepted (4 MiB). */
    public static final int MAX_REPORT = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);
    private static final Pattern MAC_IN_NAME = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{12})(?![0-9A-Fa-f])");
    private static final String NOT_AUTHENTICATED =
            "report not authenticated (needs the device's client certificate or its key)";

    private final Supplier<Site> site;
    private final Store store;
    private final RefusalLog refusals;
    private volatile ReportListener listener = (mac, at, source, content) -> { };

    public ReportStore(Supplier<Site> site, Store store) {
        this.site = site;
        this.store = store;
        this.refusals = new RefusalLog(store.clock());
    }

    /** From now on, every accepted report also goes to {@code l} (one listener; the last set wins). */
    void listen(ReportListener l) {
        listener = java.util.Objects.requireNonNull(l, "listener");
    }

    @Override
    public int accept(ProvisionRequest r, byte[] body) {
        long t0 = System.nanoTime();
        Instant at = store.clock().instant();
        Outcome o = store(r, body);
        String address = address(r);
        store.record(new ProvisionEvent(at, o.mac(), address, r.protocol().scheme(), PathGuard.printable(r.path()),
                o.status(), body.length, Duration.ofNanos(System.nanoTime() - t0), o.reason()));
        if (o.status() >= 400) {
            refusals.log(address, o.status(), more -> LOG.info("{} {} report {}: {} {}{}", r.protocol().scheme(), address,
                    PathGuard.printable(r.path()), o.status(), o.reason(), more));
        }
        return o.status();
    }

    @Override
    public int admit(ProvisionRequest r) {
        return uploader(r, site.get()) instanceof Uploader.Known k && (k.byCert() || k.device().key().isPresent()
                || site.get().config().security().plainSecrets() == PlainSecrets.ALLOW) ? 200 : 403;
    }

    private static String address(ProvisionRequest r) {
        return r.remote().getAddress() == null ? r.remote().getHostString() : r.remote().getAddress().getHostAddress();
    }

    private record Outcome(int status, String reason, Optional<String> mac) {
    }

    /** Who uploads: a known device (and whether its certificate says so), or a refusal. */
    private sealed interface Uploader {
        record Known(String name, DeviceRecord device, boolean byCert) implements Uploader {
        }

        record Refused(Outcome outcome) implements Uploader {
        }
    }

    private Uploader uploader(ProvisionRequest r, Site s) {
        PathGuard.Result g = PathGuard.check(r.path());
        if (g instanceof PathGuard.Refused(String reason)) {
            return refused("refused path: " + reason, Optional.empty());
        }
        String path = ((PathGuard.Ok) g).path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".")) {
            return refused("refused path: bad file name", Optional.empty());
        }
        Matcher m = MAC_IN_NAME.matcher(name);
        Optional<String> nameMac = m.find() ? Mac.tryParse(m.group(1)).map(Mac::hex) : Optional.empty();
        Optional<String> mac = nameMac;
        if (r.clientCert().isPresent()) {
            Optional<String> certMac = IdentifyStage.macOf(r.clientCert().get());
            if (certMac.isEmpty()) {
                return refused("client certificate names no MAC (CN or ST)", Optional.empty());
            }
            if (nameMac.isPresent() && !nameMac.equals(certMac)) {
                return refused("client certificate of " + certMac.get() + " uploaded as " + nameMac.get(), certMac);
            }
            mac = certMac;
        }
        if (mac.isEmpty()) {
            return refused("report names no device", Optional.empty());
        }
        DeviceRecord d = s.devices().get(mac.get());
        if (d == null) {
            d = store.device(mac.get()).orElse(null);
        }
        if (d == null) {
            return refused("unknown device", mac);
        }
        return new Uploader.Known(name, d, r.clientCert().isPresent());
    }

    private static Uploader refused(String reason, Optional<String> mac) {
        return new Uploader.Refused(new Outcome(403, reason, mac));
    }

    private Outcome store(ProvisionRequest r, byte[] body) {
        if (body.length > MAX_REPORT) {
            return new Outcome(413, "report too large", Optional.empty());
        }
        Site s = site.get();
        Uploader u = uploader(r, s);
        if (u instanceof Uploader.Refused(Outcome o)) {
            return o;
        }
        Uploader.Known k = (Uploader.Known) u;
        Optional<String> mac = Optional.of(k.device().mac());
        byte[] content = body;
        String how = "";
        if (!k.byCert()) {
            Optional<byte[]> plain = k.device().key().flatMap(key -> decrypted(body, key));
            if (plain.isPresent()) {
                content = plain.get();
                how = " (decrypted)";
            } else if (s.config().security().plainSecrets() != PlainSecrets.ALLOW) {
                return new Outcome(403, NOT_AUTHENTICATED, mac);
            }
        }
        Path folder = s.config().reportFolder();
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, folder.resolve(k.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            listener.accepted(mac.get(), store.clock().instant(), r.protocol().scheme() + " " + address(r) + " " + k.name(),
                    content);
            return new Outcome(200, "report stored" + how, mac);
        } catch (IOException e) {
            LOG.warn("device {}: cannot store report {}: {}", mac.get(), k.name(), e.getMessage());
            return new Outcome(500, "cannot store report", mac);
        }
    }

    /**
     * The body decrypted with {@code key}, when it is an OpenSSL-format file that decrypts to a
     * flat-profile (a wrong key fails the padding, or — 1 in 256 — yields garbage that is no XML).
     */
    private static Optional<byte[]> decrypted(byte[] body, String key) {
        if (!OpenSslAes.isEncrypted(body)) {
            return Optional.empty();
        }
        try {
            byte[] plain = ProfileCodec.decode(body, key, Digest.MD5);
            XmlProfileReader.read(plain, "report");
            return Optional.of(plain);
        } catch (CodecException | ProfileException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
