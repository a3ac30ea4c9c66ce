package org.spaprov.device.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP and HTTPS downloads with the JDK {@link HttpClient} (SPEC §9).
 *
 * <p>The device resolves the host itself on every attempt and connects to each address in DNS
 * order until one answers, so the request goes to an IP literal (no SNI, like v3.0 firmware) with
 * the URL host in the {@code Host} header when the JDK allows it. Each HTTPS attempt gets its own
 * client whose {@link SpaTrustManager} knows the URL host and the address connected to, offering
 * only the AES cipher suites ({@link AesSuites}); plain HTTP shares one client.
 */
public final class HttpTransport implements Transport {
    private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    private static final boolean HOST_HEADER = allowHostHeader();

    private final FetchSettings settings;
    private final TlsSettings tls;
    private final X509TrustManager chainCheck;
    private final KeyManager[] keyManagers;
    private volatile HttpClient plain;

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

    private static boolean allowHostHeader() {
        // The JDK forbids setting Host unless this is set before its HTTP client first loads.
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "x");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        boolean https = r.scheme().equals("https");
        if (https && chainCheck == null) {
            return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, "no trusted CA configured for HTTPS");
        }
        FetchResult last = new FetchResult.Failed(FetchError.CONNECT_FAILED, "no address");
        for (InetAddress addr : r.addresses()) {
            HttpClient client;
            try {
                client = https ? tlsClient(r.host(), addr) : plainClient();
            } catch (GeneralSecurityException e) {
                return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, e.getMessage());
            }
            try {
                last = once(client, r, addr);
            } finally {
                if (https) {
                    client.close();
                }
            }
            if (!(last instanceof FetchResult.Failed f)
                    || (f.error() != FetchError.CONNECT_FAILED && f.error() != FetchError.TIMEOUT)) {
                return last;
            }
        }
        return last;
    }

    private FetchResult once(HttpClient client, FetchRequest r, InetAddress addr) {
        FetchError getFailed = FetchError.getFailed(r.scheme());
        String host = addr instanceof Inet6Address ? "[" + addr.getHostAddress() + "]" : addr.getHostAddress();
        URI uri;
        try {
            uri = URI.create(r.scheme() + "://" + host + ":" + r.port() + r.path());
        } catch (IllegalArgumentException e) {
            return new FetchResult.Failed(FetchError.BAD_URL, "bad path");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.responseTimeout())
                .header("User-Agent", r.userAgent());
        if (HOST_HEADER) {
            b.header("Host", r.port() == (r.scheme().equals("https") ? 443 : 80) ? r.host() : r.host() + ":" + r.port());
        }
        if (r.postBody().isPresent()) {
            b.POST(HttpRequest.BodyPublishers.ofByteArray(r.postBody().get())).header("Content-Type", "text/plain");
        }
        try {
            HttpResponse<InputStream> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                int status = resp.statusCode();
                if (status == 404) {
                    return new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "HTTP 404");
                }
                if (status < 200 || status > 299) {
                    return new FetchResult.Failed(getFailed, "HTTP " + status);
                }
                byte[] body = readBounded(in, r.maxBytes());
                return body == null ? new FetchResult.Failed(getFailed, "body larger than " + r.maxBytes() + " bytes")
                        : new FetchResult.Ok(body, addr);
            }
        } catch (HttpConnectTimeoutException e) {
            return new FetchResult.Failed(FetchError.TIMEOUT, "connect timeout");
        } catch (HttpTimeoutException e) {
            return new FetchResult.Failed(FetchError.TIMEOUT, "no response");
        } catch (ConnectException e) {
            return new FetchResult.Failed(FetchError.CONNECT_FAILED, "connection refused by " + addr.getHostAddress());
        } catch (IOException e) {
            if (hasSslCause(e)) {
                return new FetchResult.Failed(FetchError.HTTPS_GET_FAILED, rootMessage(e));
            }
            return new FetchResult.Failed(getFailed, rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(FetchError.TIMEOUT, "interrupted");
        }
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + (long) n > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
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

    private HttpClient plainClient() {
        HttpClient c = plain;
        if (c == null) {
            synchronized (this) {
                if (plain == null) {
                    plain = base().build();
                }
                c = plain;
            }
        }
        return c;
    }

    private HttpClient.Builder base() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(EXECUTOR)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout());
    }

    private HttpClient tlsClient(String urlHost, InetAddress addr) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers, new TrustManager[] {new SpaTrustManager(chainCheck, urlHost, addr, tls.resolver())}, null);
        return base().sslContext(ctx).sslParameters(AesSuites.parameters(ctx)).build();
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
