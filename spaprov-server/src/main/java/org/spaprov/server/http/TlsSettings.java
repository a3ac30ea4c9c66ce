package org.spaprov.server.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.config.ServerConfig;

/**
 * The HTTPS side of a site: server certificate chain and key (PEM), the device CA that client certificates are
 * verified against (PEM), and whether a client certificate is asked for.
 *
 * @param deviceCa required unless {@code mode} is {@link ClientCertMode#NONE}
 * @param rememberVerifiedChains keep device chains that passed verification for a while, so a returning device
 *                               is not verified again ({@link VerifiedClientCerts}); off, every handshake pays the
 *                               full check (what a storm of first contacts costs; bench/http {@code FIRST_CONTACT=1})
 */
public record TlsSettings(Path certificate, Path privateKey, Optional<Path> deviceCa, ClientCertMode mode,
        Engine engine, boolean rememberVerifiedChains) {

    /** Which TLS implementation runs the handshakes. */
    public enum Engine {
        /** OpenSSL (BoringSSL via netty-tcnative) when its native library loads on this platform, else JDK. */
        AUTO,
        /** The JDK's {@code SSLEngine}. */
        JDK,
        /** BoringSSL through netty-tcnative; fails to start where it is not available. */
        OPENSSL;

        SslProvider provider() {
            return switch (this) {
                case JDK -> SslProvider.JDK;
                case OPENSSL -> SslProvider.OPENSSL;
                case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            };
        }
    }

    /** Settings with {@link Engine#AUTO}, remembering verified chains. */
    public TlsSettings(Path certificate, Path privateKey, Optional<Path> deviceCa, ClientCertMode mode) {
        this(certificate, privateKey, deviceCa, mode, Engine.AUTO);
    }

    /** Settings remembering verified chains. */
    public TlsSettings(Path certificate, Path privateKey, Optional<Path> deviceCa, ClientCertMode mode,
            Engine engine) {
        this(certificate, privateKey, deviceCa, mode, engine, true);
    }

    public TlsSettings {
        Objects.requireNonNull(engine, "engine");
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
     * Builds the server {@link SslContext} (TLS 1.2 and 1.3). {@link Engine#AUTO} prefers BoringSSL: on
     * the 2-core reference machine a full mutual-TLS handshake costs about 5 ms of CPU in the JDK's EC code and
     * well under 1 ms in BoringSSL (see docs/benchmarks.md, "HTTPS").
     *
     * @throws IOException naming the file when a PEM file is missing or unreadable
     */
    public SslContext toSslContext() throws IOException {
        try (InputStream cert = open(certificate, "certificate"); InputStream key = open(privateKey, "private key")) {
            SslContextBuilder b = SslContextBuilder.forServer(cert, key)
                    .sslProvider(engine.provider())
                    .protocols("TLSv1.3", "TLSv1.2")
                    .clientAuth(switch (mode) {
                        case NONE -> ClientAuth.NONE;
                        case OPTIONAL -> ClientAuth.OPTIONAL;
                        case REQUIRED -> ClientAuth.REQUIRE;
                    });
            if (deviceCa.isPresent()) {
                X509ExtendedTrustManager trust = deviceTrust(deviceCa.get());
                b.trustManager(rememberVerifiedChains ? new VerifiedClientCerts(trust, java.time.Clock.systemUTC()) : trust);
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            if (engine == Engine.OPENSSL && !OpenSsl.isAvailable()) {
                throw new IOException("https: OpenSSL is not available on this platform: "
                        + OpenSsl.unavailabilityCause().getMessage(), e);
            }
            throw new IOException("https: cannot load TLS files " + certificate + ", " + privateKey
                    + deviceCa.map(p -> ", " + p).orElse("") + ": " + e.getMessage(), e);
        }
    }

    /** The JDK's PKIX trust manager over the device CA certificates of a PEM file. */
    private static X509ExtendedTrustManager deviceTrust(Path caFile) throws IOException {
        try (InputStream in = open(caFile, "device CA")) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new IOException("https: device CA file " + caFile + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IOException("https: no X.509 trust manager in this JDK");
        } catch (GeneralSecurityException e) {
            throw new IOException("https: cannot read device CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path p, String what) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IOException("https: " + what + " file " + p + " is missing or unreadable");
        }
        return Files.newInputStream(p);
    }
}
