package org.spaprov.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.cli.Peers.requirePeer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;

/**
 * Issue 9 row 13: plain-text {@code import} is confined to the importing file's folder, regular
 * files only, size-capped; no error prints a line of what it points at or a raw control character.
 */
class HostileImportTest {
    @TempDir
    Path dir;

    private CliRun validate(String profile) throws Exception {
        Path p = Files.createDirectories(dir.resolve("in")).resolve("p.txt");
        Files.writeString(p, profile);
        return CliRun.run("profile", "validate", p.toString());
    }

    private static String all(CliRun r) {
        return r.out() + r.err();
    }

    @Test
    void devZeroAndAFifoAreNotRegularFiles() throws Exception {
        CliRun zero = validate("import /dev/zero\n");
        assertThat(zero.code()).isEqualTo(1);
        assertThat(all(zero)).contains("import /dev/zero: outside the folder of the importing file");
        Files.createSymbolicLink(Files.createDirectories(dir.resolve("in")).resolve("zero.txt"), Path.of("/dev/zero"));
        assertThat(all(validate("import zero.txt\n"))).contains("import zero.txt: leads out of the folder");
        requirePeer(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo");
        Process p = new ProcessBuilder("/usr/bin/mkfifo", dir.resolve("in/fifo").toString()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        CliRun fifo = validate("import fifo\n");
        assertThat(fifo.code()).isEqualTo(1);
        assertThat(all(fifo)).contains("import fifo: not a regular file");
    }

    @Test
    void aFileOutsideIsRefusedAndNoLineOfAnImportedFileIsPrinted() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("other"));
        Files.writeString(outside.resolve("shadow"), "root:$6$SECRETHASH:19000:0:99999:7:::\n");
        CliRun up = validate("import ../other/shadow\n");
        assertThat(up.code()).isEqualTo(1);
        assertThat(all(up)).contains("outside the folder of the importing file").doesNotContain("SECRETHASH");
        CliRun abs = validate("import " + outside.resolve("shadow") + "\n");
        assertThat(all(abs)).doesNotContain("SECRETHASH");
        // Inside the folder, a file that is no profile: the error names the place, not the text.
        Files.writeString(dir.resolve("in/notes.txt"), "root:$6$SECRETHASH:19000:0:99999:7:::\n");
        CliRun in = validate("import notes.txt\n");
        assertThat(in.code()).isEqualTo(1);
        assertThat(all(in)).contains("notes.txt:2:1: error: expected ';' after the parameter name")
                .doesNotContain("SECRETHASH");
        // A good import still works.
        Files.writeString(dir.resolve("in/common.txt"), "GPP_A \"shared\";\n");
        assertThat(validate("import common.txt\nGPP_B \"x\";\n").code()).isZero();
    }

    @Test
    void controlCharactersAreEscapedInMessages() throws Exception {
        CliRun r = validate("import \u001b[2Jmissing\u0007.txt\n");
        assertThat(r.code()).isEqualTo(1);
        assertThat(all(r)).contains("\\x1b[2Jmissing\\x07.txt").doesNotContain("\u001b").doesNotContain("\u0007");
        CliRun name = validate("Bad\u001bName \"x\"\n");
        assertThat(all(name)).doesNotContain("\u001b");
    }
}
