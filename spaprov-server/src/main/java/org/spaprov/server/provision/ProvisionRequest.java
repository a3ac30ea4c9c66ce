package org.spaprov.server.provision;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One file request from a device, as the transport saw it (the contract between the transports
 * of "servernet" and {@link ProvisionService}). Immutable.
 *
 * @param protocol    the transport
 * @param path        the raw path as requested, query included ({@code /spa000e08aabbcc.xml?x=1});
 *                    for TFTP the file name as sent (a leading {@code /} is optional)
 * @param remote      the peer's address
 * @param userAgent   the HTTP {@code User-Agent} (never present for TFTP)
 * @param clientCert  the verified client certificate (HTTPS only)
 * @param ifNoneMatch the HTTP {@code If-None-Match} header value
 */
public record ProvisionRequest(Protocol protocol, String path, InetSocketAddress remote,
        Optional<String> userAgent, Optional<X509Certificate> clientCert, Optional<String> ifNoneMatch) {
    public ProvisionRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(remote, "remote");
        userAgent = userAgent == null ? Optional.empty() : userAgent;
        clientCert = clientCert == null ? Optional.empty() : clientCert;
        ifNoneMatch = ifNoneMatch == null ? Optional.empty() : ifNoneMatch;
    }

    /** A request with no User-Agent, certificate or validator (TFTP, tests). */
    public static ProvisionRequest of(Protocol protocol, String path, InetSocketAddress remote) {
        return new ProvisionRequest(protocol, path, remote, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ProvisionRequest withUserAgent(String ua) {
        return new ProvisionRequest(protocol, path, remote, Optional.ofNullable(ua), clientCert, ifNoneMatch);
    }

    public ProvisionRequest withClientCert(X509Certificate cert) {
        return new ProvisionRequest(protocol, path, remote, userAgent, Optional.ofNullable(cert), ifNoneMatch);
    }

    public ProvisionRequest withIfNoneMatch(String etag) {
        return new ProvisionRequest(protocol, path, remote, userAgent, clientCert, Optional.ofNullable(etag));
    }
}
