package org.spaprov.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.cli.Peers.requirePeer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dist/spaprov.service} passes {@code systemd-analyze verify} with no finding. The unit names
 * {@code /opt/spaprov/spaprov}, which verify requires to exist, so the copy checked here points at this
 * checkout's launcher instead; nothing else is changed. A deliberately broken copy must be reported, so
 * the check is known to be able to fail.
 */
class SystemdUnitTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theShippedUnitVerifiesClean() throws Exception {
        String unit = Files.readString(REPO.resolve("dist/spaprov.service"), StandardCharsets.UTF_8);
        assertThat(unit).contains("ExecStart=/opt/spaprov/spaprov serve ").contains("Restart=on-failure")
                .contains("UMask=0077").contains("StateDirectoryMode=0700");
        String local = unit.replace("/opt/spaprov/spaprov", REPO.resolve("spaprov").toString());

        assertThat(verify("spaprov.service", local)).isEmpty();
        assertThat(verify("broken.service", local.replace("Restart=on-failure", "Restart=sometimes")))
                .contains("restart specifier");
    }

    /** What {@code systemd-analyze verify} printed for the unit; a non-zero exit is part of the output. */
    private String verify(String name, String text) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("systemd-analyze", "verify", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            requirePeer(false, "systemd-analyze is not installed");
            throw e;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? out : (out + "\nexit " + p.exitValue()).strip();
    }
}
