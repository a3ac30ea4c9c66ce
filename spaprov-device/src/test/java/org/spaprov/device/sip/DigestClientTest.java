package org.spaprov.device.sip;

import org.spaprov.sip.DigestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The UA side of RFC 2617 digest, as a line answers a registrar's 401 (RFC 3261 §22.2). */
class DigestClientTest {
    @Test
    void theRfc2617ExampleResponse() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life" -> response 6629fae49393a05397450978507c4ef1
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        String auth = DigestClient.authorization(challenge, "GET", "/dir/index.html", "Mufasa", "Circle Of Life",
                "0a4f113b", 1).orElseThrow();
        assertThat(auth).contains("response=\"6629fae49393a05397450978507c4ef1\"", "qop=auth", "nc=00000001",
                "cnonce=\"0a4f113b\"", "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").doesNotContain("Circle Of Life");
    }

    @Test
    void ourOwnServerSideAcceptsIt() {
        DigestAuth server = new DigestAuth("spa-test", Clock.systemUTC(), Duration.ofMinutes(5));
        for (String challenge : new String[] {server.challenge(false),
            server.challenge(false).replace(", qop=\"auth\"", "")}) {
            String auth = DigestClient.authorization(challenge, "REGISTER", "sip:127.0.0.1:5060", "1001", "s3cret",
                    "c0ffee", 1).orElseThrow();
            assertThat(server.verify(auth, "REGISTER", "1001", "s3cret")).as(auth).isEqualTo(DigestAuth.Result.OK);
        }
    }

    @Test
    void challengesItCannotAnswerGiveNothing() {
        assertThat(DigestClient.authorization("Basic realm=\"x\"", "REGISTER", "sip:a", "u", "p", "c", 1)).isEmpty();
        assertThat(DigestClient.authorization("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256", "REGISTER",
                "sip:a", "u", "p", "c", 1)).isEmpty();
        assertThat(DigestClient.authorization("Digest nonce=\"n\"", "REGISTER", "sip:a", "u", "p", "c", 1)).isEmpty();
    }
}
