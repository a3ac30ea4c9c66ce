package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;

class SiteCommandTest {
    @TempDir
    Path tmp;

    /** {@code spaprov site ARGS} through the real command line. */
    private static CliRun run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "site";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(all);
    }

    @Test
    void initWritesAWorkingSite() throws Exception {
        Path site = tmp.resolve("mysite");
        CliRun r = run("init", site.toString(), "--device-keys", "ec");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pki/devices/000e08aabb01.crt").contains("Next: spaprov serve --site");
        assertThat(site.resolve("spaprov.yaml")).exists();
        assertThat(site.resolve("pki/server.key")).exists();
        assertThat(Files.readString(site.resolve("devices.csv")).lines().count()).isEqualTo(4);
    }

    @Test
    void nonEmptyDirectoryIsExit1AndBadFlagIsExit2() throws Exception {
        Files.writeString(tmp.resolve("x"), "x");
        CliRun r = run("init", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("spaprov: ").contains("is not empty").doesNotContain("Exception");
        assertThat(run("init", tmp.resolve("b").toString(), "--device-keys", "dsa").code()).isEqualTo(2);
        assertThat(run("init").code()).isEqualTo(2);
    }

    @Test
    void hostAndIpNameTheServerAndABadOneIsAUsageError() throws Exception {
        Path site = tmp.resolve("real");
        CliRun r = run("init", site.toString(), "--device-keys", "ec", "--host", "prov.example.test",
                "--ip", "192.0.2.10");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(site.resolve("spaprov.yaml"))).contains("  public-host: prov.example.test ");
        var cert = org.spaprov.server.pki.Pem.readCertificates(site.resolve("pki/server.crt")).get(0);
        assertThat(cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                .containsExactly("prov.example.test", "localhost", "192.0.2.10", "127.0.0.1");

        CliRun bad = run("init", tmp.resolve("bad").toString(), "--host", "prov.example.test:8443");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--host 'prov.example.test:8443' is not a host name");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void helpHasExamples() {
        CliRun r = run("init", "--help");
        assertThat(r.out()).contains("Examples:").contains("spaprov site init mysite").contains("Exit codes:");
    }
}
