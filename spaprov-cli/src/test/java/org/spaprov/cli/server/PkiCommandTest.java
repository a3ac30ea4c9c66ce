package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;

/** {@code spaprov pki issue} through the real command line (the certificates themselves: SitePkiTest). */
class PkiCommandTest {
    @TempDir
    Path tmp;

    @Test
    void issuesRefusesToOverwriteAndReplacesWithForce() throws Exception {
        Path site = tmp.resolve("s");
        assertThat(CliRun.run("site", "init", site.toString(), "--device-keys", "ec").code()).isZero();
        CliRun r = CliRun.run("pki", "issue", "--site", site.toString(), "--key-type", "ec", "00:0e:08:aa:bb:07");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("issued pki/devices/000e08aabb07.crt and pki/devices/000e08aabb07.key"
                + " (CN=000e08aabb07, OU=SPA2102, ST=000e08aabb07)\n");
        String first = Files.readString(site.resolve("pki/devices/000e08aabb07.crt"));

        CliRun again = CliRun.run("pki", "issue", "--site", site.toString(), "000e08aabb07");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("spaprov: pki/devices/000e08aabb07.crt: error: exists; --force replaces it\n");
        assertThat(Files.readString(site.resolve("pki/devices/000e08aabb07.crt"))).isEqualTo(first);

        assertThat(CliRun.run("pki", "issue", "--site", site.toString(), "--force", "000e08aabb07").code()).isZero();
        assertThat(Files.readString(site.resolve("pki/devices/000e08aabb07.crt"))).isNotEqualTo(first);
    }

    @Test
    void aBadMacOrDaysIsAUsageErrorAndAMissingCaIsInvalidInput() throws Exception {
        CliRun mac = CliRun.run("pki", "issue", "--site", tmp.toString(), "000e08aabbzz");
        assertThat(mac.code()).isEqualTo(2);
        assertThat(mac.err()).contains("bad MAC address '000e08aabbzz'").doesNotContain("Exception");
        assertThat(CliRun.run("pki", "issue", "--site", tmp.toString(), "--days", "0", "000e08aabb07").code())
                .isEqualTo(2);
        CliRun noCa = CliRun.run("pki", "issue", "--site", tmp.toString(), "000e08aabb07");
        assertThat(noCa.code()).isEqualTo(1);
        assertThat(noCa.err()).startsWith("spaprov: pki/ca.crt: error: missing");
    }
}
