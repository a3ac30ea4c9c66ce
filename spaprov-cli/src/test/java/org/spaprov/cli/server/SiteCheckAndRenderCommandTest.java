package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.Cli;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;
import picocli.CommandLine;

/** {@code spaprov site check DIR} and {@code spaprov site render DIR MAC} (issue 9 §3). */
class SiteCheckAndRenderCommandTest {
    @TempDir
    Path tmp;
    Path site;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @BeforeEach
    void init() throws Exception {
        site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
    }

    @Test
    void checkPassesTheExampleAndNamesEveryBrokenDevice() throws Exception {
        Run ok = run("site", "check", site.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("3 devices, every profile builds");
        Files.writeString(site.resolve("layers/group/office.xml"),
                "<flat-profile>\n<Station_Name>{{ device.vars.floor }}</Station_Name>\n</flat-profile>\n");
        Run bad = run("site", "check", site.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out().lines()).hasSize(2).allMatch(l -> l.startsWith("device 000e08aabb0")
                && l.contains("layers/group/office.xml:2: error: Station_Name: placeholder variable 'floor'"));
        Files.writeString(site.resolve("spaprov.yaml"), "");
        Run empty = run("site", "check", site.toString());
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err().strip()).startsWith("spaprov: spaprov.yaml:1: error: the file is empty").doesNotContain("\n");
    }

    @Test
    void renderMasksSecretsUnlessAskedTo() {
        Run r = run("site", "render", site.toString(), "00:0E:08:AA:BB:02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("<Display_Name_1_[^>]*>Sales</Display_Name_1_>")
                .containsPattern("<GPP_SA[^>]*>\\*{8}</GPP_SA>").containsPattern("<Password_1_[^>]*>\\*{8}</Password_1_>")
                .doesNotContain(SiteInit.EXAMPLE_KEY).doesNotContain("pw-1002-change-me");
        Run shown = run("site", "render", site.toString(), "000e08aabb02", "--show-secrets");
        assertThat(shown.out()).contains(SiteInit.EXAMPLE_KEY).contains("pw-1002-change-me");
        Run unknown = run("site", "render", site.toString(), "000e08ffffff");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no device 000e08ffffff").doesNotContain("Exception");
        assertThat(run("site", "render", site.toString(), "not\u001b[2Ja-mac").err()).contains("\\x1b[2J")
                .doesNotContain("\u001b");
        assertThat(run("site", "render", site.toString()).code()).isEqualTo(2);
    }
}
