package org.spaprov.profile.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.profile.Peers.requirePeer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interop with the real {@code openssl enc} and {@code gzip}, both directions, both digests. */
class OpenSslInteropTest {
    private static final byte[] XML = ("<flat-profile>\n  <Profile_Rule>http://p.tel.com/$MA.cfg</Profile_Rule>\n"
            + "  <GPP_A>" + "x".repeat(3000) + "</GPP_A>\n</flat-profile>\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @BeforeAll
    static void peers() {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
        requirePeer(Files.isExecutable(Path.of("/usr/bin/gzip")) || Files.isExecutable(Path.of("/bin/gzip")), "gzip not installed");
    }

    @ParameterizedTest
    @CsvSource({"md5,MD5,false", "md5,MD5,true", "sha256,SHA256,false", "sha256,SHA256,true"})
    void oursDecryptsAndGunzipsWithOpenssl(String mdName, Digest md, boolean gz) throws Exception {
        Path enc = dir.resolve("p.cfg");
        Files.write(enc, ProfileCodec.encode(XML, gz, "Secret Phrase $1", md));
        Path dec = dir.resolve("p.dec");
        run("openssl", "enc", "-d", "-aes-256-cbc", "-md", mdName, "-k", "Secret Phrase $1",
                "-in", enc.toString(), "-out", dec.toString());
        byte[] plain = Files.readAllBytes(dec);
        if (gz) {
            Path gzFile = dir.resolve("p.xml.gz");
            Files.write(gzFile, plain);
            run("gzip", "-d", "-f", gzFile.toString());
            plain = Files.readAllBytes(dir.resolve("p.xml"));
        }
        assertThat(plain).isEqualTo(XML);
    }

    @ParameterizedTest
    @CsvSource({"md5,MD5,false", "md5,MD5,true", "sha256,SHA256,false", "sha256,SHA256,true"})
    void theirsDecodeWithOurs(String mdName, Digest md, boolean gz) throws Exception {
        Path xml = dir.resolve("t.xml");
        Files.write(xml, XML);
        Path in = xml;
        if (gz) {
            run("gzip", "-9", "-k", xml.toString());
            in = dir.resolve("t.xml.gz");
        }
        Path enc = dir.resolve("t.cfg");
        run("openssl", "enc", "-e", "-aes-256-cbc", "-md", mdName, "-k", "SecretPhrase1234",
                "-in", in.toString(), "-out", enc.toString());
        assertThat(ProfileCodec.decode(Files.readAllBytes(enc), "SecretPhrase1234", md)).isEqualTo(XML);
        if (gz) {
            assertThat(ProfileCodec.decode(Files.readAllBytes(in), null, md)).isEqualTo(XML);
        }
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(cmd));
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", c, out).isZero();
    }
}
