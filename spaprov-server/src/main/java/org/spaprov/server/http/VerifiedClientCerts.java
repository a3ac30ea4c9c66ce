package org.spaprov.server.http;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for device certificates that remembers chains it has verified, so a device that comes back
 * (every resync) is not verified again; the PKIX path check and its signature verification in Java are the
 * largest part of a mutual-TLS handshake's CPU once the key exchange runs in BoringSSL.
 *
 * <p>Sound because a chain is keyed by its exact DER bytes: the same bytes verified against the same trust
 * anchors (this instance lives as long as its {@code SslContext}) give the same answer, except for time, so an
 * entry lasts until the earliest {@code notAfter} of the chain and at most {@link #TTL_MILLIS}. Failures are
 * never remembered. At most {@link #MAX_ENTRIES} chains are kept (the table is cleared when full). Server
 * certificates are not this class's business and are refused. Thread-safe.
 */
final class VerifiedClientCerts extends X509ExtendedTrustManager {
    static final long TTL_MILLIS = 3_600_000L;
    static final int MAX_ENTRIES = 100_000;

    private final X509ExtendedTrustManager delegate;
    private final Clock clock;
    private final ConcurrentHashMap<ByteBuffer, Long> verified = new ConcurrentHashMap<>();

    VerifiedClientCerts(X509ExtendedTrustManager delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, () -> delegate.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, () -> delegate.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> delegate.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("not a server trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("not a server trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server trust manager");
    }

    /** Entries held now (tests). */
    int size() {
        return verified.size();
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check full) throws CertificateException {
        if (chain == null || chain.length == 0) {
            full.run();
            return;
        }
        ByteBuffer key = key(chain);
        long now = clock.millis();
        Long until = verified.get(key);
        if (until != null && now < until) {
            return;
        }
        full.run();
        long expires = now + TTL_MILLIS;
        for (X509Certificate c : chain) {
            expires = Math.min(expires, c.getNotAfter().getTime());
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, expires);
    }

    private static ByteBuffer key(X509Certificate[] chain) throws CertificateException {
        try {
            byte[] all = chain[0].getEncoded();
            for (int i = 1; i < chain.length; i++) {
                byte[] next = chain[i].getEncoded();
                byte[] joined = Arrays.copyOf(all, all.length + next.length);
                System.arraycopy(next, 0, joined, all.length, next.length);
                all = joined;
            }
            return ByteBuffer.wrap(all);
        } catch (CertificateEncodingException e) {
            throw new CertificateException("unreadable client certificate", e);
        }
    }
}
