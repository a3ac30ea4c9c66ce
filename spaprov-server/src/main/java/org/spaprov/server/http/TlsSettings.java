package org.spaprov.server.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import io.netty.handler.ssl.ClientAuth;
import org.spaprov.server.site.ServerConfig;
import org.spaprov.server.site.ServerConfig.ClientCertMode;

/**
 * The HTTPS side of a site: server certificate chain and key (PEM), the device CA that client certificates are
 * verified against (PEM), and whether a client certificate is asked for.
 *
 * @param deviceCa required unless {@code mode} is {@link ClientCertMode#NONE}
 */
public record TlsSettings(Path certificate, Path privateKey, Optional<Path> deviceCa, ClientCertMode mode) {
    public TlsSettings {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(deviceCa, "deviceCa");
        Objects.requireNonNull(mode, "mode");
        if (mode != ClientCertMode.NONE && deviceCa.isEmpty()) {
            throw new IllegalArgumentException("https client certificates '" + mode.name().toLowerCase()
                    + "' need a device CA file");
        }
    }

    /** The settings of a site's {@code tls:} section. */
    public static TlsSettings of(ServerConfig.Tls tls) {
        return new TlsSettings(tls.serverCert(), tls.serverKey(),
                tls.clientCerts() == ClientCertMode.NONE ? Optional.empty() : Optional.of(tls.clientCa()),
                tls.clientCerts());
    }

    /**
     * Builds the server {@link SslContext} (JDK provider, TLS 1.2 and 1.3).
     *
     * @throws IOException naming the file when a PEM file is missing or unreadable
     */
    public SslContext toSslContext() throws IOException {
        try (InputStream cert = open(certificate, "certificate"); InputStream key = open(privateKey, "private key")) {
            SslContextBuilder b = SslContextBuilder.forServer(cert, key)
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .clientAuth(switch (mode) {
                        case NONE -> ClientAuth.NONE;
                        case OPTIONAL -> ClientAuth.OPTIONAL;
                        case REQUIRED -> ClientAuth.REQUIRE;
                    });
            if (deviceCa.isPresent()) {
                try (InputStream ca = open(deviceCa.get(), "device CA")) {
                    b.trustManager(ca);
                }
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("https: cannot load TLS files " + certificate + ", " + privateKey
                    + deviceCa.map(p -> ", " + p).orElse("") + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path p, String what) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IOException("https: " + what + " file " + p + " is missing or unreadable");
        }
        return Files.newInputStream(p);
    }
}
