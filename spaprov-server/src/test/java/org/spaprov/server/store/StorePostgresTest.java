package org.spaprov.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.net.Proc.requirePeer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spaprov.server.device.DeviceRecord;

/**
 * The same Flyway migrations and queries on a real PostgreSQL (a throw-away cluster made with
 * initdb/pg_ctl on a free loopback port). Skipped when PostgreSQL is not installed.
 */
class StorePostgresTest {
    private static Path base;
    private static Path bin;
    private static int port;
    private static boolean root;

    @BeforeAll
    static void startPostgres() throws Exception {
        bin = findBin();
        requirePeer(bin != null, "PostgreSQL (initdb, pg_ctl) not installed");
        root = "root".equals(System.getProperty("user.name"));
        base = Files.createTempDirectory("spaprov-pg");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        if (root) {
            // PostgreSQL refuses to run as root: hand the folder to the postgres user.
            requirePeer(run(List.of("id", "postgres")) == 0, "running as root and no postgres user");
            run(List.of("chown", "postgres", base.toString()));
        }
        requirePeer(pg(List.of(bin.resolve("initdb").toString(), "-D", base.resolve("data").toString(), "-U", "spaprov",
                "--auth=trust", "-E", "UTF8")) == 0, "initdb failed");
        requirePeer(pg(List.of(bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-w", "-t", "60",
                "-l", base.resolve("log").toString(), "-o", "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1",
                "start")) == 0, "pg_ctl start failed");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (base != null && Files.exists(base.resolve("data/postmaster.pid"))) {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-m", "immediate", "stop"));
        }
        if (base != null) {
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Path findBin() {
        for (String dir : List.of("/usr/local/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
                "/usr/lib/postgresql/17/bin", "/usr/bin")) {
            Path d = Path.of(dir);
            if (Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl"))) {
                return d;
            }
        }
        return null;
    }

    private static int pg(List<String> cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        if (root) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(cmd);
        return run(c);
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void batchesAndEventPagesOnPostgres() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=spaprov";
        try (Store s = Store.open(url, Clock.systemUTC(), StoreTest.BOX)) {
            s.jdbi().useHandle(h -> h.execute("DELETE FROM events"));
            StoreBatchAndPagesTest.check(s);
        }
    }

    @Test
    void migratesAndStoresOnPostgres() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=spaprov";
        Clock clock = Clock.systemUTC();
        try (Store s = Store.open(url, clock, StoreTest.BOX)) {
            s.putDevice(new DeviceRecord("000e08aabbcc", "spa2102", Optional.of("SN"), List.of("office"), Optional.of("pg-dump-secret-key"),
                    Map.of("v", "1", "sip_password", "pg-dump-sip-password"), DeviceRecord.Source.API));
            s.syncSiteDevices(List.of(new DeviceRecord("000e08aabbcd", "pap2t", Optional.empty(), List.of(), Optional.empty(),
                    Map.of(), DeviceRecord.Source.SITE)));
            s.record(new ProvisionEvent(clock.instant(), Optional.of("000e08aabbcc"), "127.0.0.1", "http", "/x", 200, 10,
                    Duration.ofMillis(1), "served"));
            s.contact(new Contact("000e08aabbcc", clock.instant(), "127.0.0.1", "http", Optional.empty(), Optional.of("5.2.12")));
            java.time.Instant minute = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            for (int i = 0; i < 3; i++) {
                s.record(new ProvisionEvent(minute, Optional.empty(), "192.0.2.7", "tftp", "/x", 404, 0,
                        Duration.ZERO, "unknown device"));
            }
            s.flush();
            assertThat(s.events(Optional.of("000e08aabbcc"), 5)).hasSize(1);
            assertThat(s.events(Optional.empty(), 5)).extracting(ProvisionEvent::count).containsExactly(3);
            s.retain(new Retention(Duration.ofDays(1), 1_000));
            assertThat(s.prune()).isZero();
            assertThat(s.lastContact("000e08aabbcc")).get().extracting(Contact::firmware).isEqualTo(Optional.of("5.2.12"));
            assertThat(s.lastContacts(java.util.List.of("000e08aabbcc", "000e08000000")))
                    .containsOnlyKeys("000e08aabbcc");
            assertThat(s.lastContacts(java.util.List.of())).isEmpty();
        }
        try (Store s = Store.open(url, clock, StoreTest.BOX)) {
            assertThat(s.devices()).extracting(DeviceRecord::mac).containsExactlyInAnyOrder("000e08aabbcc", "000e08aabbcd");
            assertThat(s.key("000e08aabbcc")).contains("pg-dump-secret-key");
            assertThat(s.device("000e08aabbcc").orElseThrow().vars()).containsEntry("sip_password", "pg-dump-sip-password");
        }
        // Issue 9 row 9: a dump of the database holds neither the key nor the password.
        if (Files.isExecutable(bin.resolve("pg_dump"))) {
            Process p = new ProcessBuilder(List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p",
                    String.valueOf(port), "-U", "spaprov", "postgres")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dump = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(dump).contains("000e08aabbcc").contains("gcm1:")
                    .doesNotContain("pg-dump-secret-key").doesNotContain("pg-dump-sip-password");
        }
    }

    /** Push campaign rows (V7) on PostgreSQL: generated ids, batch insert, outcomes, times. */
    @Test
    void campaignRowsOnPostgres() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=spaprov";
        Clock clock = Clock.systemUTC();
        try (Store s = Store.open(url, clock, StoreTest.BOX)) {
            var campaigns = new org.spaprov.server.push.CampaignStore(s.jdbi(), clock);
            long id = campaigns.create(org.spaprov.server.push.PushAction.RESYNC, "sip", "group:office", 50,
                    List.of("000e08aabb01", "000e08aabb02"));
            campaigns.record(id, "000e08aabb01", new org.spaprov.server.push.PushOutcome(
                    org.spaprov.server.push.PushOutcome.Result.OK, 200, "200 OK after digest"), clock.instant());
            campaigns.finish(id);
            assertThat(campaigns.campaign(id)).get().satisfies(c -> {
                assertThat(c.state()).isEqualTo(org.spaprov.server.push.CampaignStore.State.DONE);
                assertThat(c.finishedAt()).isPresent();
                assertThat(c.target()).isEqualTo("group:office");
            });
            assertThat(campaigns.rows(id)).extracting(org.spaprov.server.push.CampaignStore.Row::outcome)
                    .containsExactly("ok", "pending");
        }
    }
}
