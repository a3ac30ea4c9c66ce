package org.spaprov.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header value, formatted at most once per second of the injected clock. Thread-safe: a stale
 * value read by a racing thread is still a correct date within the second.
 */
final class HttpDate {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private record Stamp(long second, AsciiString text, ByteBuf line) {
    }

    private final Clock clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, AsciiString.EMPTY_STRING, Unpooled.EMPTY_BUFFER);

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    AsciiString now() {
        return current().text();
    }

    /**
     * {@code date: <now>\r\n\r\n}, the end of a pre-encoded response head (see {@link DirectBodies#okHead}),
     * as a buffer the caller owns.
     */
    ByteBuf headEnd() {
        return current().line().duplicate();
    }

    private Stamp current() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000L);
        Stamp s = stamp;
        if (s.second() != second) {
            String text = RFC_1123.format(Instant.ofEpochSecond(second));
            s = new Stamp(second, AsciiString.cached(text),
                    DirectBodies.constant(("date: " + text + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            stamp = s;
        }
        return s;
    }
}
