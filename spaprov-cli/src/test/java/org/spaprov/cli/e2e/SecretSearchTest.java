package org.spaprov.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The searcher and the log capture of {@link SecretLeakEndToEndTest} find a planted secret: that test can fail. */
class SecretSearchTest {
    private static final String PLANTED = "Plant>ed~Secret?42";
    private final SecretSearch search = new SecretSearch().add("planted", PLANTED);

    @Test
    void findsAPlantedSecretInEveryFormAndNamesWhereWithoutRepeatingIt() {
        byte[] bytes = PLANTED.getBytes(StandardCharsets.UTF_8);
        String text = "a " + PLANTED + " b " + HexFormat.of().formatHex(bytes) + " c "
                + HexFormat.of().withUpperCase().formatHex(bytes) + " d " + Base64.getEncoder().encodeToString(bytes)
                + " e " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + " f "
                + URLEncoder.encode(PLANTED, StandardCharsets.UTF_8);

        var hits = search.search("the planted text", text);

        assertThat(hits).extracting(SecretSearch.Hit::form)
                .containsExactlyInAnyOrder("as is", "hex", "HEX", "base64", "base64url", "percent-encoded");
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.where()).isEqualTo("the planted text");
            assertThat(h.toString()).contains("<planted>").doesNotContain(PLANTED);
        });
        assertThat(hits.getFirst().at()).isEqualTo(2);
    }

    @Test
    void cleanTextHasNoHit() {
        assertThat(search.search("clean", "served gzip, secrets withheld; Password_1_ ********")).isEmpty();
    }

    @Test
    void aSecretTooShortToSearchForIsRefused() {
        assertThatThrownBy(() -> search.add("short", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretLoggedAtTraceByAnyLoggerIsCapturedAndFound() {
        String lines;
        try (LogCapture logs = LogCapture.start()) {
            LoggerFactory.getLogger("io.netty.some.Library").trace("key {}", PLANTED);
            LoggerFactory.getLogger(SecretSearchTest.class).warn("failed", new IllegalStateException("pw " + PLANTED));
            lines = String.join("\n", logs.lines());
        }
        assertThat(search.search("log", lines)).hasSize(2);
        // restored: the quiet library logger is no longer at TRACE
        assertThat(LoggerFactory.getLogger("io.netty.some.Library").isTraceEnabled()).isFalse();
    }
}
