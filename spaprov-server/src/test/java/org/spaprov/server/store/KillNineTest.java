package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 row 12: a store killed with SIGKILL while writing opens again, with every event that
 * {@link Store#flush()} had confirmed before the kill.
 */
class KillNineTest {
    @TempDir
    Path data;

    @Test
    void killNineLosesNothingConfirmedAndNeverDamagesTheStore() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), data.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long confirmed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("flushed ")) {
                    confirmed = Long.parseLong(line.substring(8));
                    if (confirmed >= 20_000) {
                        p.destroyForcibly();   // SIGKILL: no shutdown hook, no close()
                        break;
                    }
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(confirmed).isGreaterThanOrEqualTo(20_000);
        try (Store s = Store.open(Store.h2Url(data), Clock.systemUTC(), StoreTest.BOX)) {
            long stored = s.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
            assertThat(stored).isGreaterThanOrEqualTo(confirmed);
        }
    }
}
