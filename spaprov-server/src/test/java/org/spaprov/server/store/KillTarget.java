package org.spaprov.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The child process of {@link KillNineTest}: records events into an H2 store in {@code args[0]}
 * forever, printing {@code flushed N} after each flush, until it is killed.
 */
public final class KillTarget {
    private KillTarget() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Store s = Store.open(Store.h2Url(Path.of(args[0])), clock, StoreTest.BOX);
        long n = 0;
        while (true) {
            for (int i = 0; i < 500; i++) {
                s.record(new ProvisionEvent(clock.instant(), Optional.of("000e08aabbcc"), "127.0.0.1", "http", "/x", 200,
                        1, Duration.ZERO, "served"));
                n++;
            }
            s.flush();
            System.out.println("flushed " + n);
            System.out.flush();
        }
    }
}
