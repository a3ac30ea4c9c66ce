package org.spaprov.server.http;

import io.netty.util.AsciiString;
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

    private record Stamp(long second, AsciiString text) {
    }

    private final Clock clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    AsciiString now() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000L);
        Stamp s = stamp;
        if (s.second() != second) {
            s = new Stamp(second, AsciiString.cached(RFC_1123.format(Instant.ofEpochSecond(second))));
            stamp = s;
        }
        return s.text();
    }
}
