package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.net.Proc.requirePeer;
import static org.spaprov.server.provision.TestSite.B;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we serve encrypted and gzipped is what `openssl enc -d -md md5` and `gunzip` decode. */
class OpenSslInteropTest {
    @TempDir
    Path dir;

    static byte[] run(List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return out.toByteArray();
    }

    @Test
    void encryptedGzippedProfileDecodesWithOpensslAndGunzip() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl missing");
        requirePeer(Files.isExecutable(Path.of("/usr/bin/gunzip")) || Files.isExecutable(Path.of("/bin/gunzip")), "gunzip missing");
        try (TestSite site = new TestSite(dir)) {
            site.write("spaprov.yaml", "profiles: {gzip: true}\n");
            site.open();
            ProvisionResult r = site.get(Protocol.HTTP, "/spa" + B + ".cfg");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.reason()).isEqualTo("served gzip encrypted");
            byte[] gz = run(List.of("openssl", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k", TestSite.KEY), r.body());
            byte[] xml = run(List.of("gunzip", "-c"), gz);
            String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("<flat-profile>").containsPattern("<Display_Name_1_[^>]*>Bob \\(\\$MA\\)</Display_Name_1_>");
        }
    }

    @Test
    void encryptedWithoutGzipDecodesWithOpenssl() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl missing");
        try (TestSite site = new TestSite(dir)) {
            site.open();
            ProvisionResult r = site.get(Protocol.TFTP, "spa" + B + ".cfg");
            byte[] xml = run(List.of("openssl", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k", TestSite.KEY), r.body());
            assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).containsPattern("<Password_1_[^>]*>pw-bob-456</Password_1_>");
        }
    }
}
