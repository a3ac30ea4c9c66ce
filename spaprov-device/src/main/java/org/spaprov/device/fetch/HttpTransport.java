package org.spaprov.device.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP and HTTPS downloads (SPEC §9), one {@link Http11} exchange per connection.
 *
 * <p>The device resolves the host itself on every attempt and connects to each address in DNS
 * order until one answers, so the request goes to an IP literal (no SNI, like v3.0 firmware) with
 * the URL host in the {@code Host} header. Each HTTPS connection gets its own {@link SSLContext}
 * whose {@link SpaTrustManager} knows the URL host and the address connected to, offering only the
 * AES cipher suites ({@link AesSuites}). The connect timeout bounds the TCP connect; the response
 * timeout bounds the TLS handshake and every read after it.
 */
public final class HttpTransport implements Transport {
    private final FetchSettings settings;
    private final TlsSettings tls;
    private final X509TrustManager chainCheck;
    private final KeyManager[] keyManagers;

    public HttpTransport(FetchSettings settings, TlsSettings tls) {
        this.settings = settings;
        this.tls = tls;
        try {
            this.chainCheck = tls.trustedCas().isEmpty() ? null : chainCheck(tls.trustedCas());
            this.keyManagers = tls.client().isEmpty() ? null : keyManagers(tls);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("bad TLS material: " + e.getMessage(), e);
        }
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        boolean https = r.scheme().equals("https");
        if (https && chainCheck == null) {
            return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, "no trusted CA configured for HTTPS");
        }
        String target;
        try {
            target = Http11.target(r.path());
        } catch (IllegalArgumentException e) {
            return new FetchResult.Failed(FetchError.BAD_URL, "bad path");
        }
        FetchResult last = new FetchResult.Failed(FetchError.CONNECT_FAILED, "no address");
        for (InetAddress addr : r.addresses()) {
            last = once(r, target, addr, https);
            if (!(last instanceof FetchResult.Failed f)
                    || (f.error() != FetchError.CONNECT_FAILED && f.error() != FetchError.TIMEOUT)) {
                return last;
            }
        }
        return last;
    }

    private FetchResult once(FetchRequest r, String target, InetAddress addr, boolean https) {
        FetchError getFailed = FetchError.getFailed(r.scheme());
        try (Socket tcp = new Socket()) {
            try {
                tcp.connect(new InetSocketAddress(addr, r.port()), millis(settings.connectTimeout()));
            } catch (SocketTimeoutException e) {
                return new FetchResult.Failed(FetchError.TIMEOUT, "connect timeout");
            } catch (IOException e) {
                return new FetchResult.Failed(FetchError.CONNECT_FAILED, "connection refused by " + addr.getHostAddress());
            }
            tcp.setSoTimeout(millis(settings.responseTimeout()));
            Socket io = https ? handshake(tcp, r.host(), addr, r.port()) : tcp;
            Http11.Response resp = Http11.exchange(io.getInputStream(), io.getOutputStream(), target,
                    hostHeader(r.host(), r.port(), https), r.userAgent(), r.postBody(), r.maxBytes());
            if (resp.status() == 404) {
                return new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "HTTP 404");
            }
            if (resp.status() < 200 || resp.status() > 299) {
                return new FetchResult.Failed(getFailed, "HTTP " + resp.status());
            }
            return resp.body().<FetchResult>map(b -> new FetchResult.Ok(b, addr))
                    .orElseGet(() -> new FetchResult.Failed(getFailed, "body larger than " + r.maxBytes() + " bytes"));
        } catch (SocketTimeoutException e) {
            return new FetchResult.Failed(FetchError.TIMEOUT, "no response");
        } catch (GeneralSecurityException e) {
            return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, e.getMessage());
        } catch (IOException e) {
            if (hasSslCause(e)) {
                return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, rootMessage(e));
            }
            return new FetchResult.Failed(getFailed, rootMessage(e));
        }
    }

    /** TLS over the connected socket, addressed by IP literal so no SNI is sent (SPEC §9). */
    private SSLSocket handshake(Socket tcp, String urlHost, InetAddress addr, int port)
            throws GeneralSecurityException, IOException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers, new TrustManager[] {new SpaTrustManager(chainCheck, urlHost, addr, tls.resolver())}, null);
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(tcp, addr.getHostAddress(), port, true);
        ssl.setSSLParameters(AesSuites.parameters(ctx));
        ssl.startHandshake();
        return ssl;
    }

    /** The URL host, bracketed when an IPv6 literal, with the port when it is not the scheme's default. */
    static String hostHeader(String host, int port, boolean https) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static boolean hasSslCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException || c instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    static X509TrustManager chainCheck(java.util.List<X509Certificate> cas) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : cas) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws GeneralSecurityException, IOException {
        var cred = tls.client().orElseThrow();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "device".toCharArray();
        ks.setKeyEntry("device", cred.key(), pw, cred.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        return kmf.getKeyManagers();
    }
}
