package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.TestPki;

class VerifiedClientCertsTest {
    @TempDir
    Path tmp;

    /** A delegate that counts calls and accepts or refuses as told. */
    private static final class Counting extends X509ExtendedTrustManager {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean accept = true;

        private void check() throws CertificateException {
            calls.incrementAndGet();
            if (!accept) {
                throw new CertificateException("refused");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            check();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            check();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            check();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A clock tests move by hand. */
    private X509Certificate cert(TestPki pki, String mac) throws Exception {
        pki.device(mac);
        try (InputStream in = Files.newInputStream(pki.deviceCert(mac))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void aVerifiedChainIsNotVerifiedAgainUntilItsEntryExpires() throws Exception {
        TestPki pki = TestPki.create(tmp);
        X509Certificate a = cert(pki, "000e08aaaaaa");
        X509Certificate b = cert(pki, "000e08bbbbbb");
        Counting delegate = new Counting();
        MutableClock clock = new MutableClock(Instant.now());
        VerifiedClientCerts tm = new VerifiedClientCerts(delegate, clock);
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        assertThat(delegate.calls).hasValue(1);
        tm.checkClientTrusted(new X509Certificate[] {b}, "EC", (SSLEngine) null);
        assertThat(delegate.calls).hasValue(2);
        clock.advance(java.time.Duration.ofMillis(VerifiedClientCerts.TTL_MILLIS + 1));
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        assertThat(delegate.calls).hasValue(3);
    }

    @Test
    void failuresAreNeverRemembered() throws Exception {
        TestPki pki = TestPki.create(tmp);
        X509Certificate a = cert(pki, "000e08aaaaaa");
        Counting delegate = new Counting();
        delegate.accept = false;
        VerifiedClientCerts tm = new VerifiedClientCerts(delegate, Clock.systemUTC());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null))
                    .isInstanceOf(CertificateException.class);
        }
        assertThat(delegate.calls).hasValue(2);
        assertThat(tm.size()).isZero();
    }

    @Test
    void anExpiredCertificateIsCheckedAgain() throws Exception {
        TestPki pki = TestPki.create(tmp);
        X509Certificate a = cert(pki, "000e08aaaaaa");
        Counting delegate = new Counting();
        MutableClock clock = new MutableClock(Instant.now());
        clock.set(a.getNotAfter().toInstant().minusMillis(10));
        VerifiedClientCerts tm = new VerifiedClientCerts(delegate, clock);
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        clock.set(a.getNotAfter().toInstant().plusMillis(1));
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void serverChainsAreRefused() {
        VerifiedClientCerts tm = new VerifiedClientCerts(new Counting(), Clock.systemUTC());
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[0], "EC"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void chainsPaddedAroundOneLeafShareOneEntry() throws Exception {
        TestPki pki = TestPki.create(tmp);
        X509Certificate a = cert(pki, "000e08aaaaaa");
        X509Certificate b = cert(pki, "000e08bbbbbb");
        X509Certificate c = cert(pki, "000e08cccccc");
        Counting delegate = new Counting();
        VerifiedClientCerts tm = new VerifiedClientCerts(delegate, Clock.systemUTC());
        tm.checkClientTrusted(new X509Certificate[] {a}, "EC", (SSLEngine) null);
        tm.checkClientTrusted(new X509Certificate[] {a, b}, "EC", (SSLEngine) null);
        tm.checkClientTrusted(new X509Certificate[] {a, c, b, c}, "EC", (SSLEngine) null);
        assertThat(delegate.calls).hasValue(1);
        assertThat(tm.size()).isEqualTo(1);
    }

    @Test
    void theTableIsBoundedInBytes() throws Exception {
        TestPki pki = TestPki.create(tmp);
        Counting delegate = new Counting();
        VerifiedClientCerts tm = new VerifiedClientCerts(delegate, Clock.systemUTC(),
                2L * VerifiedClientCerts.ENTRY_BYTES);
        for (String mac : new String[] {"000e08aaaaaa", "000e08bbbbbb", "000e08cccccc", "000e08dddddd"}) {
            tm.checkClientTrusted(new X509Certificate[] {cert(pki, mac)}, "EC", (SSLEngine) null);
            assertThat(tm.size()).isLessThanOrEqualTo(2);
        }
        assertThat(delegate.calls).hasValue(4);
    }
}
