package org.spaprov.device.sip;

import org.spaprov.sip.DigestHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;

class DigestAuthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DigestAuth auth = new DigestAuth("spa", clock, Duration.ofMinutes(5));

    /** RFC 2617 §3.5 example, recomputed for our realm and method. */
    private static String credentials(String challenge, String user, String password, String method, String uri) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        String nonce = m.group(1);
        String ha1 = DigestHeaders.md5(user + ":spa:" + password);
        String ha2 = DigestHeaders.md5(method + ":" + uri);
        String resp = DigestHeaders.md5(ha1 + ":" + nonce + ":00000001:abc:auth:" + ha2);
        return "Digest username=\"" + user + "\",realm=\"spa\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",qop=auth,nc=00000001,cnonce=\"abc\",response=\"" + resp.toUpperCase() + "\"";
    }

    @Test
    void acceptsOnceWithinLifetime() {
        String c = credentials(auth.challenge(false), "u", "p", "GET", "/admin/reboot");
        assertThat(auth.verify(c, "GET", "u", "p")).isEqualTo(DigestAuth.Result.OK);
        assertThat(auth.verify(c, "GET", "u", "p")).isEqualTo(DigestAuth.Result.STALE);
    }

    @Test
    void expiredNonceIsStale() {
        String c = credentials(auth.challenge(false), "u", "p", "GET", "/x");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(auth.verify(c, "GET", "u", "p")).isEqualTo(DigestAuth.Result.STALE);
    }

    @Test
    void wrongUserPasswordOrMethodIsWrong() {
        assertThat(auth.verify(credentials(auth.challenge(false), "u", "bad", "GET", "/x"), "GET", "u", "p"))
                .isEqualTo(DigestAuth.Result.WRONG);
        assertThat(auth.verify(credentials(auth.challenge(false), "v", "p", "GET", "/x"), "GET", "u", "p"))
                .isEqualTo(DigestAuth.Result.WRONG);
        assertThat(auth.verify(credentials(auth.challenge(false), "u", "p", "POST", "/x"), "GET", "u", "p"))
                .isEqualTo(DigestAuth.Result.WRONG);
    }

    @Test
    void missingOrForeignCredentials() {
        assertThat(auth.verify(null, "GET", "u", "p")).isEqualTo(DigestAuth.Result.MISSING);
        assertThat(auth.verify("Basic dTpw", "GET", "u", "p")).isEqualTo(DigestAuth.Result.MISSING);
        assertThat(auth.verify("Digest username=\"u\"", "GET", "u", "p")).isEqualTo(DigestAuth.Result.MISSING);
        assertThat(auth.verify("Digest username=\"u\", nonce=\"unterminated", "GET", "u", "p"))
                .isEqualTo(DigestAuth.Result.MISSING);
        String c = credentials(auth.challenge(false), "u", "p", "GET", "/x").replace("realm=\"spa\"", "realm=\"x\"");
        assertThat(auth.verify(c, "GET", "u", "p")).isEqualTo(DigestAuth.Result.STALE);
    }

    @Test
    void challengeOffersMd5AndQopAndFreshNonces() {
        String a = auth.challenge(false);
        String b = auth.challenge(true);
        assertThat(a).startsWith("Digest realm=\"spa\", nonce=\"").contains("algorithm=MD5", "qop=\"auth\"")
                .doesNotContain("stale");
        assertThat(b).endsWith("stale=true");
        assertThat(a.substring(0, 60)).isNotEqualTo(b.substring(0, 60));
    }

    @Test
    void oldestNoncesAreDroppedBeyondTheBound() {
        String first = credentials(auth.challenge(false), "u", "p", "GET", "/x");
        for (int i = 0; i < DigestAuth.MAX_NONCES; i++) {
            auth.challenge(false);
        }
        assertThat(auth.verify(first, "GET", "u", "p")).isEqualTo(DigestAuth.Result.STALE);
    }

    @Test
    void serverLoggerMasksDigestResponses() {
        String masked = SlfServerLogger.mask("Authorization: Digest username=\"u\",response=\"0123abcd\",nc=1");
        assertThat(masked).doesNotContain("0123abcd").contains("response=\"***\"");
    }
}
