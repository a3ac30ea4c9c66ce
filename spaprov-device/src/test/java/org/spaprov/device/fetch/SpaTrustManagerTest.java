package org.spaprov.device.fetch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spaprov.device.peers.TestPki;

/** The server-name rules of SPEC §9 / §15.22, without a network: DNS comes from a table. */
class SpaTrustManagerTest {
    static TestPki pki;
    static TestPki other;
    static final Map<String, List<String>> DNS = Map.of(
            "prov.example.com", List.of("10.0.0.1", "10.0.0.2"),
            "other.example.com", List.of("10.0.0.9"));
    static final HostResolver RESOLVER = host -> {
        List<String> ips = DNS.get(host.toLowerCase(java.util.Locale.ROOT));
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        return ips.stream().map(SpaTrustManagerTest::ip).toList();
    };

    @BeforeAll
    static void ca() throws Exception {
        pki = new TestPki("test CA");
        other = new TestPki("some other CA");
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(X509Certificate leaf, String urlHost, String connected) throws Exception {
        SpaTrustManager tm = new SpaTrustManager(HttpTransport.chainCheck(List.of(pki.ca().cert())), urlHost,
                ip(connected), RESOLVER);
        tm.checkServerTrusted(new X509Certificate[] {leaf}, "ECDHE_ECDSA");
    }

    @Test
    void cnMustNameTheUrlHostAndTheConnectedAddressMustBeAmongItsAnswers() throws Exception {
        X509Certificate good = pki.issue("CN=Prov.Example.com").cert();
        assertThatCode(() -> check(good, "prov.example.com", "10.0.0.2")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(good, "prov.example.com", "10.0.0.9")).isInstanceOf(CertificateException.class)
                .hasMessageContaining("not among the DNS answers");
        assertThatThrownBy(() -> check(good, "other.example.com", "10.0.0.9")).hasMessageContaining("does not match");
    }

    @Test
    void textAfterASlashInTheCnIsIgnored() throws Exception {
        X509Certificate slash = pki.issue("CN=prov.example.com/mailto:admin@example.com").cert();
        assertThatCode(() -> check(slash, "prov.example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anIpLiteralUrlNeedsTheCnHostToResolveToIt() throws Exception {
        X509Certificate good = pki.issue("CN=prov.example.com").cert();
        assertThatCode(() -> check(good, "10.0.0.1", "10.0.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(good, "10.0.0.9", "10.0.0.9")).hasMessageContaining("does not resolve to");
    }

    @Test
    void subjectAlternativeNamesAreIgnoredAndOtherCasAreRefused() throws Exception {
        X509Certificate sanOnly = pki.issue("CN=other.example.com", "prov.example.com").cert();
        assertThatThrownBy(() -> check(sanOnly, "prov.example.com", "10.0.0.1")).hasMessageContaining("does not match");
        X509Certificate foreign = other.issue("CN=prov.example.com").cert();
        assertThatThrownBy(() -> check(foreign, "prov.example.com", "10.0.0.1")).isInstanceOf(CertificateException.class);
        X509Certificate unresolvable = pki.issue("CN=nowhere.example.com").cert();
        assertThatThrownBy(() -> check(unresolvable, "nowhere.example.com", "10.0.0.1"))
                .hasMessageContaining("does not resolve");
    }
}
