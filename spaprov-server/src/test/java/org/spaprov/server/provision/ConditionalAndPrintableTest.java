package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one owner of If-None-Match and the one log-safe rendering of client text. */
class ConditionalAndPrintableTest {
    @Test
    void ifNoneMatchComparesWeaklyOverAList() {
        assertThat(ConditionalStage.noneMatchHits(Optional.of("\"ab\""), "\"ab\"")).isTrue();
        assertThat(ConditionalStage.noneMatchHits(Optional.of("\"zz\", W/\"ab\""), "\"ab\"")).isTrue();
        assertThat(ConditionalStage.noneMatchHits(Optional.of("*"), "\"ab\"")).isTrue();
        assertThat(ConditionalStage.noneMatchHits(Optional.of("\"ab\""), "ab")).isTrue();
        assertThat(ConditionalStage.noneMatchHits(Optional.of("\"abc\""), "\"ab\"")).isFalse();
        assertThat(ConditionalStage.noneMatchHits(Optional.empty(), "\"ab\"")).isFalse();
        assertThat(ConditionalStage.noneMatchHits(Optional.of("*"), "")).isFalse();
    }

    @Test
    void onlyA200BecomesA304() {
        ConditionalStage stage = new ConditionalStage();
        ProvisionResult ok = ProvisionResult.ok(new byte[] {1}, "text/xml", "\"e1\"", "ok", Optional.of("000e08aabbcc"));
        RequestContext hit = RequestContext.start(ProvisionRequest.of(Protocol.HTTP, "/x",
                new InetSocketAddress("127.0.0.1", 40000)).withIfNoneMatch("\"e1\""), null);
        ProvisionResult r = stage.handle(hit, c -> ok);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.etag()).isEqualTo("\"e1\"");
        assertThat(r.deviceMac()).contains("000e08aabbcc");
        ProvisionResult missing = ProvisionResult.error(404, "no", Optional.empty());
        assertThat(stage.handle(hit, c -> missing)).isSameAs(missing);
    }

    @Test
    void printableEscapesControlsAndIsBounded() {
        assertThat(PathGuard.printable("/a\u0000b\nc\u007f")).isEqualTo("/a\\x00b\\x0ac\\x7f");
        assertThat(PathGuard.printable("x".repeat(10_000))).hasSizeLessThanOrEqualTo(PathGuard.MAX_PRINTABLE)
                .endsWith("...");
        assertThat(PathGuard.printable("\n".repeat(1000))).hasSizeLessThanOrEqualTo(PathGuard.MAX_PRINTABLE);
        assertThat(PathGuard.printable(null)).isEmpty();
    }
}
