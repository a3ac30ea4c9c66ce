package org.spaprov.server.http;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for device certificates that remembers the leaf certificates it has verified, so a device that
 * comes back (every resync) is not verified again; the PKIX path check and its signature verification in Java are
 * the largest part of a mutual-TLS handshake's CPU once the key exchange runs in BoringSSL.
 *
 * <p>Keyed by the SHA-256 of the leaf certificate's DER bytes, and only that: what an entry remembers is "this
 * leaf chains to the trust anchors" (this instance lives as long as its {@code SslContext}), which whatever else
 * a client sends along cannot change, and the handshake itself proves possession of the leaf's key. So padded or
 * reordered chains around one valid leaf share one entry (keying by the whole chain let them fill memory). Except
 * for time: an entry lasts until the earliest {@code notAfter} of the chain that was verified and at most
 * {@link #TTL_MILLIS}. Failures are never remembered. Every entry costs the same ({@link #ENTRY_BYTES}, a
 * generous estimate), so the table is bounded in bytes: at most {@code maxBytes / ENTRY_BYTES} entries, cleared
 * when full. Server certificates are not this class's business and are refused. Thread-safe.
 */
final class VerifiedClientCerts extends X509ExtendedTrustManager {
    static final long TTL_MILLIS = 3_600_000L;
    /** Heap an entry costs: 32-byte digest and its wrappers, the expiry, the hash-table node. */
    static final int ENTRY_BYTES = 192;
    /** Default bound of the table: 8 MiB, about 43,000 devices. */
    static final long DEFAULT_MAX_BYTES = 8L << 20;

    private final X509ExtendedTrustManager delegate;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<ByteBuffer, Long> verified = new ConcurrentHashMap<>();

    VerifiedClientCerts(X509ExtendedTrustManager delegate, Clock clock) {
        this(delegate, clock, DEFAULT_MAX_BYTES);
    }

    VerifiedClientCerts(X509ExtendedTrustManager delegate, Clock clock, long maxBytes) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxEntries = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / ENTRY_BYTES));
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
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.put(key, expires);
    }

    /** The SHA-256 of the leaf's DER encoding. */
    private static ByteBuffer key(X509Certificate[] chain) throws CertificateException {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new CertificateException("unreadable client certificate", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
