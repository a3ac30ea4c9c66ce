package org.spaprov.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.cli.Peers.requirePeer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;

class ProfileCommandsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void compileEncryptsSoOpensslAndGunzipReadIt() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
        Path src = write("spa.txt", "Profile_Rule ! \"http://p.tel.com/$MA.cfg\" ;\nGPP_A \"x\" ;\n");
        Path out = dir.resolve("spa.cfg");
        CliRun r = CliRun.run("profile", "compile", src.toString(), "-o", out.toString(), "--gzip", "--key", "Secret1234");
        assertThat(r.code()).as(r.err()).isZero();
        Process p = new ProcessBuilder("sh", "-c",
                "openssl enc -d -aes-256-cbc -md md5 -k Secret1234 -in '" + out + "' | gzip -dc").start();
        String xml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(xml).contains("<Profile_Rule ua=\"rw\">http://p.tel.com/$MA.cfg</Profile_Rule>")
                .contains("<GPP_A ua=\"na\">x</GPP_A>");

        CliRun dec = CliRun.run("profile", "decode", out.toString(), "--key", "Secret1234");
        assertThat(dec.code()).isZero();
        assertThat(dec.out()).isEqualTo(xml);
    }

    @Test
    void decodeWithWrongKeyIsExit1WithOneLine() throws Exception {
        Path src = write("spa.xml", "<flat-profile><GPP_A>x</GPP_A></flat-profile>");
        Path out = dir.resolve("spa.cfg");
        assertThat(CliRun.run("profile", "compile", src.toString(), "-o", out.toString(), "--key", "right").code()).isZero();
        CliRun r = CliRun.run("profile", "decode", out.toString(), "--key", "Bogus-Pass-77");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("spaprov: " + out + ": decrypt failed").doesNotContain("Bogus-Pass-77").doesNotContain("Exception");
        CliRun noKey = CliRun.run("profile", "decode", out.toString());
        assertThat(noKey.code()).isEqualTo(1);
        assertThat(noKey.err()).contains("no key was given");
    }

    @Test
    void convertBothWaysAndDiff() throws Exception {
        Path txt = write("a.txt", "Line_Enable[1] ! \"Yes\" ;\nSet_Local_Date_(mm/dd) ? \"01/02\" ;\n");
        CliRun toXml = CliRun.run("profile", "convert", txt.toString(), "--to", "xml", "-o", dir.resolve("a.xml").toString());
        assertThat(toXml.code()).isZero();
        assertThat(Files.readString(dir.resolve("a.xml"))).contains("<Line_Enable_1_ ua=\"rw\">Yes</Line_Enable_1_>");
        CliRun same = CliRun.run("profile", "diff", txt.toString(), dir.resolve("a.xml").toString());
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).isEmpty();
        Path b = write("b.xml", "<flat-profile><Line_Enable_1_ ua=\"ro\">No</Line_Enable_1_><GPP_B>1</GPP_B></flat-profile>");
        CliRun diff = CliRun.run("profile", "diff", dir.resolve("a.xml").toString(), b.toString());
        assertThat(diff.code()).isEqualTo(1);
        assertThat(diff.out()).contains("~ Line_Enable_1_ \"Yes\" ua=rw -> \"No\" ua=ro")
                .contains("+ GPP_B \"1\"").contains("- Set_Local_Date__mm_dd_ \"01/02\" ua=ro");
        CliRun toText = CliRun.run("profile", "convert", dir.resolve("a.xml").toString(), "--to", "text");
        assertThat(toText.out()).contains("Line_Enable[1] ! \"Yes\" ;");
    }

    @Test
    void errorsNameFileLineAndColumnAndUsageErrorsExit2() throws Exception {
        Path bad = write("bad.txt", "A \"1\" ;\nB \"2\"\n");
        CliRun r = CliRun.run("profile", "compile", bad.toString(), "-o", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("spaprov: " + bad + ":3:1: error: expected ';' after B, found end of file\n");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
        CliRun usage = CliRun.run("profile", "compile", bad.toString());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required option").contains("--help");
        assertThat(CliRun.run("profile", "decode", bad.toString(), "--md", "sha1").code()).isEqualTo(2);
        CliRun missing = CliRun.run("profile", "decode", dir.resolve("nope.cfg").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String verb : new String[] {"compile", "decode", "convert", "diff"}) {
            CliRun r = CliRun.run("profile", verb, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Examples:").contains("Exit codes:");
        }
    }
}
