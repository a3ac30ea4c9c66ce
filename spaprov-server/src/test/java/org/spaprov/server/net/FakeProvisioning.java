package org.spaprov.server.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;

/**
 * A trivial service for transport tests: serves a map of files with SHA-256 ETags, answers {@code /whoami}
 * with what the transport passed (protocol, client certificate subject, User-Agent), refuses
 * {@code /spa<mac>.xml} for a certificate naming another MAC (403), and keeps uploaded reports.
 */
public final class FakeProvisioning implements ProvisionService, ReportSink {
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final List<ProvisionRequest> requests = new CopyOnWriteArrayList<>();
    public final Map<String, byte[]> reports = new ConcurrentHashMap<>();

    public FakeProvisioning put(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    public FakeProvisioning put(String path, String body) {
        return put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ProvisionResult handle(ProvisionRequest r) {
        requests.add(r);
        String path = r.path();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (path.equals("/whoami")) {
            String who = "protocol=" + r.protocol() + "\ncert="
                    + r.clientCert().map(c -> c.getSubjectX500Principal().getName()).orElse("none")
                    + "\nua=" + r.userAgent().orElse("none") + "\n";
            return ProvisionResult.ok(who.getBytes(StandardCharsets.UTF_8), "text/plain", "", "whoami",
                    Optional.empty());
        }
        if (path.startsWith("/spa") && path.endsWith(".xml") && r.clientCert().isPresent()) {
            String mac = path.substring(4, path.length() - 4);
            String cn = r.clientCert().get().getSubjectX500Principal().getName();
            if (!cn.equals("CN=" + mac)) {
                return ProvisionResult.error(403, "certificate " + cn + " asks for " + mac, Optional.of(mac));
            }
        }
        byte[] body = files.get(path);
        if (body == null) {
            return ProvisionResult.error(404, "no such file", Optional.empty());
        }
        String etag = etag(body);
        if (r.ifNoneMatch().filter(etag::equals).isPresent()) {
            return ProvisionResult.notModified(etag, Optional.empty());
        }
        return ProvisionResult.ok(body, path.startsWith("/firmware/") ? "application/octet-stream" : "text/xml", etag,
                "ok", Optional.empty());
    }

    @Override
    public int accept(ProvisionRequest r, byte[] body) {
        reports.put(r.path(), body);
        return 200;
    }

    public static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(d, 0, 8) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
