package org.spaprov.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spaprov.server.net.Proc.requirePeer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.provision.Protocol;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.BoundPorts;
import org.spaprov.server.provision.ServerCore;

class SiteInitTest {
    @TempDir
    Path tmp;

    @Test
    void exampleSiteLoadsAndServesEveryDevice() throws Exception {
        Path dir = tmp.resolve("site");
        var files = SiteInit.write(dir, Clock.systemUTC(), KeyKind.EC_P256);
        assertThat(files).contains("spaprov.yaml", "devices.csv", "layers/global.xml", "layers/model/spa2102.xml",
                "layers/model/pap2t.xml", "layers/group/office.xml", "pki/ca.crt", "pki/server.crt", "pki/server.key",
                "pki/devices/000e08aabb01.crt", "pki/devices/000e08aabb01.key", "pki/devices/000e08aabb03.key");
        try (ServerCore core = ServerCore.open(dir, Optional.empty(), Optional.of("jdbc:h2:mem:init;DB_CLOSE_DELAY=-1"),
                Clock.systemUTC())) {
            var chain = core.chain(BoundPorts.NONE);
            assertThat(core.site().devices()).hasSize(3);
            assertThat(core.site().devices().values().stream().filter(d -> d.key().isPresent())).hasSize(1);
            var from = new InetSocketAddress("127.0.0.1", 1);
            for (String[] d : SiteInit.DEVICES) {
                var cert = Pem.readCertificates(dir.resolve("pki/devices/" + d[0] + ".crt")).get(0);
                ProvisionResult r = chain.handle(
                        ProvisionRequest.of(Protocol.HTTPS, "/spa" + d[0] + ".xml", from).withClientCert(cert));
                assertThat(r.status()).as(d[0] + ": " + r.reason()).isEqualTo(200);
                assertThat(new String(r.body())).contains("<Display_Name_1_").doesNotContain("{{");
            }
            ProvisionResult enc = chain.handle(ProvisionRequest.of(Protocol.HTTP, "/spa000e08aabb02.cfg", from));
            assertThat(enc.reason()).isEqualTo("served gzip encrypted");
            assertThat(chain.handle(ProvisionRequest.of(Protocol.TFTP, "spa2102.cfg", from)).status())
                    .isEqualTo(200);
            assertThat(chain.handle(ProvisionRequest.of(Protocol.HTTP, "/firmware/spa2102-5.2.12.bin", from))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void certificatesVerifyWithOpenssl() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl missing");
        Path dir = tmp.resolve("site");
        SiteInit.write(dir, Clock.systemUTC(), KeyKind.RSA_2048);
        Process p = new ProcessBuilder("openssl", "verify", "-CAfile", "pki/ca.crt", "pki/server.crt",
                "pki/devices/000e08aabb01.crt", "pki/devices/000e08aabb02.crt", "pki/devices/000e08aabb03.crt")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.endsWith(": OK"))).hasSize(4);
    }

    @Test
    void refusesANonEmptyDirectory() throws Exception {
        Files.writeString(tmp.resolve("x"), "x");
        assertThatThrownBy(() -> SiteInit.write(tmp, Clock.systemUTC(), KeyKind.EC_P256))
                .hasMessageContaining("is not empty");
    }

    @Test
    void gitIgnoresEveryPrivateKeyOfTheExample() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/git")), "git");
        Path dir = tmp.resolve("site");
        var files = SiteInit.write(dir, Clock.systemUTC(), KeyKind.EC_P256);
        assertThat(git(dir, "init", "-q")).isZero();
        for (String f : files) {
            int ignored = git(dir, "check-ignore", "-q", f);   // 0 = ignored, 1 = not
            assertThat(ignored).as(f).isEqualTo(f.endsWith(".key") ? 0 : 1);
        }
        assertThat(Files.readString(dir.resolve("spaprov.yaml"))).contains("plain-secrets: deny");
    }

    private static int git(Path dir, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of("/usr/bin/git", "-C", dir.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
