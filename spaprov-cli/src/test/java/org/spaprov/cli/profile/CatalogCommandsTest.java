package org.spaprov.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CatalogCli;
import org.spaprov.cli.CliRun;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.catalog.ParamType;
import org.spaprov.profile.text.TextProfileReader;
import org.spaprov.profile.validate.SyntaxCheck;
import org.spaprov.profile.validate.SyntaxError;
import org.spaprov.profile.xml.XmlProfileReader;

class CatalogCommandsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void modelsListsEveryCatalog() {
        CliRun r = CatalogCli.run("models");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).first().asString().startsWith("MODEL").contains("PN").contains("PARAMETERS");
        assertThat(r.out()).containsPattern("spa2102 +SPA2102 +2102 +702 +-")
                .containsPattern("spa3102 +SPA3102 +3102 +855 +spa2102")
                .contains("pap2t", "spa8000", "spa942");
    }

    @Test
    void validateCleanFileExitsZero() throws Exception {
        Path f = write("ok.xml", "<flat-profile>\n  <Resync_Periodic>7200</Resync_Periodic>\n</flat-profile>\n");
        CliRun r = CatalogCli.run("profile", "validate", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).isEqualTo(f + ": 0 errors, 0 warnings (spa2102)\n");
    }

    @Test
    void validateReportsFindingsWithPositionsAndExitsOne() throws Exception {
        Path xml = write("bad.xml", "<flat-profile>\n  <Resync_Random_Delay>x</Resync_Random_Delay>\n"
                + "  <Resync_Periodc>3600</Resync_Periodc>\n</flat-profile>\n");
        Path txt = write("bad.txt", "Line_Enable[1] ! \"maybe\" ;\n");
        CliRun r = CatalogCli.run("profile", "validate", xml.toString(), txt.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly(
                xml + ":2:24: error: Resync_Random_Delay: not a number (character 1); expected Uns16, decimal or 0x hex",
                xml + ":3:19: warning: unknown parameter Resync_Periodc for SPA2102; did you mean Resync_Periodic?",
                txt + ":1:19: error: Line_Enable_1_: expected Yes or No (or Enable/Disable, 1/0) (Bool)",
                "2 files: 2 errors, 1 warning (spa2102)");
    }

    @Test
    void warningsPassUnlessStrict() throws Exception {
        Path f = write("w.xml", "<flat-profile><SIP_TOS_DiffServ_Value_1_>0x68</SIP_TOS_DiffServ_Value_1_></flat-profile>");
        CliRun lax = CatalogCli.run("profile", "validate", f.toString());
        assertThat(lax.code()).isZero();
        assertThat(lax.out()).contains("warning: unknown parameter SIP_TOS_DiffServ_Value_1_ for SPA2102; did you mean SIP_ToS_DiffServ_Value_1_?");
        CliRun strict = CatalogCli.run("profile", "validate", "--strict", f.toString());
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.out()).contains(": error: unknown parameter");
    }

    @Test
    void modelOptionSelectsTheCatalog() throws Exception {
        Path f = write("pstn.txt", "PSTN_Answer_Delay[1] \"16\" ;\n");
        assertThat(CatalogCli.run("profile", "validate", "--model", "spa2102", f.toString()).out())
                .contains("warning: unknown parameter PSTN_Answer_Delay_1_");
        CliRun r = CatalogCli.run("profile", "validate", "--model", "SPA3102", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(f + ": 0 errors, 0 warnings (spa3102)\n");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path f = write("a.xml", "<flat-profile/>");
        CliRun unknownModel = CatalogCli.run("profile", "validate", "--model", "spa9999", f.toString());
        assertThat(unknownModel.code()).isEqualTo(2);
        assertThat(unknownModel.err()).contains("unknown model 'spa9999'").contains("spa2102").doesNotContain("Exception");
        assertThat(CatalogCli.run("profile", "validate").code()).isEqualTo(2);
        assertThat(CatalogCli.run("profile", "sample", "--format", "yaml").code()).isEqualTo(2);
    }

    @Test
    void unreadableFilesAreOneLineErrors() throws Exception {
        Path broken = write("broken.xml", "<flat-profile><A>x</B></flat-profile>");
        Path missing = dir.resolve("missing.xml");
        Path ok = write("ok.txt", "GPP_A \"x\" ;\n");
        CliRun r = CatalogCli.run("profile", "validate", broken.toString(), missing.toString(), ok.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out().lines().toList().get(0)).startsWith(broken + ":1:");
        assertThat(r.out().lines().toList().get(1)).isEqualTo(missing + ": no such file");
        assertThat(r.out()).doesNotContain("Exception").endsWith("3 files: 2 errors, 0 warnings (spa2102)\n");
    }

    @Test
    void formatIsDetectedByContentNotName() throws Exception {
        Path xml = write("profile.txt", "\n   <flat-profile><Provision_Enable>nope</Provision_Enable></flat-profile>");
        Path text = write("profile.xml", "# comment\nProvision_Enable \"nope\" ;\n");
        CliRun r = CatalogCli.run("profile", "validate", xml.toString(), text.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(xml + ":2:").contains(text + ":2:19: error: Provision_Enable");
        Path gz = dir.resolve("p.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0});
        CliRun g = CatalogCli.run("profile", "validate", gz.toString());
        assertThat(g.code()).isEqualTo(1);
        assertThat(g.out()).startsWith(gz + ": the file is gzipped or encrypted");
    }

    @Test
    void extraChecksAreWiredByKind() throws Exception {
        SyntaxCheck rule = v -> v.contains("??") ? Optional.of(new SyntaxError(v.indexOf("??"), "bad '??'")) : Optional.empty();
        Path f = write("r.txt", "Profile_Rule \"/spa??.cfg\" ;\n");
        CliRun r = CatalogCli.run(Map.of("rule", rule), "profile", "validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith(f + ":1:19: error: Profile_Rule: bad '??'");
    }

    @Test
    void secretsNeverPrinted() throws Exception {
        Path f = write("s.txt", "Admin_Passwd \"" + "S3cr3t".repeat(30) + "\" ;\nGPP_SA \"K3yK3y\" ;\n");
        CliRun r = CatalogCli.run("profile", "validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Admin_Passwd: too long: 180 characters, at most 127").doesNotContain("S3cr3t");
    }

    @Test
    void sampleXmlAndTextValidateCleanly() throws Exception {
        CliRun xml = CatalogCli.run("profile", "sample", "--model", "spa2102", "--format", "xml");
        assertThat(xml.code()).isZero();
        assertThat(xml.out()).startsWith("<flat-profile>")
                .contains("<Profile_Rule ua=\"na\">/spa$PSN.cfg</Profile_Rule>")
                .contains("<Cfwd_All_Dest_1_ ua=\"rw\"></Cfwd_All_Dest_1_>")
                .doesNotContain("group=");
        assertThat(xml.out().lines().filter(l -> l.startsWith("  <"))).hasSize(702);

        Path txt = dir.resolve("spa3102.txt");
        CliRun text = CatalogCli.run("profile", "sample", "--model", "spa3102", "--format", "text", "-o", txt.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).isEmpty();
        String body = Files.readString(txt);
        assertThat(body).contains("Set_Local_Date_(mm/dd)").contains("Default_Ring[1] ! \"1\" ;").contains("Gateway_1[1]");

        Path xmlFile = write("spa2102.xml", xml.out());
        CliRun v = CatalogCli.run("profile", "validate", "--strict", xmlFile.toString(), txt.toString(), "--model", "spa3102");
        assertThat(v.code()).as(v.out()).isZero();
    }

    @Test
    void textSampleListsChoicesAndReadsBackLikeTheXmlSample() throws Exception {
        Catalog c = Catalogs.get("spa2102");
        ParamType ring = c.byXml("Default_Ring_1_").orElseThrow().type();
        assertThat(ring).isInstanceOf(ParamType.Choice.class);
        String options = String.join("/", ((ParamType.Choice) ring).choices()); // what the catalog has
        assertThat(options).startsWith("1/2/3/4/5/6/7/8");

        CliRun text = CatalogCli.run("profile", "sample", "--model", "spa2102", "--format", "text");
        CliRun xml = CatalogCli.run("profile", "sample", "--model", "spa2102", "--format", "xml");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(xml.code()).as(xml.err()).isZero();
        assertThat(text.out()).contains("Default_Ring[1] ! \"1\" ; # options: " + options + "\n");
        // Exactly the choice parameters carry a comment (the guide's Appendix C style); others end at ';'.
        long choices = c.params().stream().filter(d -> d.type() instanceof ParamType.Choice).count();
        assertThat(choices).isPositive();
        assertThat(text.out().lines().filter(l -> l.contains(" ; # options: "))).hasSize((int) choices);
        assertThat(text.out().lines()).allSatisfy(l -> assertThat(l).matches(".* ;( # options: [^\"#]+)?"));
        assertThat(xml.out()).doesNotContain("options:");

        Profile fromText = TextProfileReader.read(text.out(), "sample.txt");
        Profile fromXml = XmlProfileReader.read(xml.out(), "sample.xml");
        assertThat(valuesAndAccess(fromText)).hasSize(702).isEqualTo(valuesAndAccess(fromXml));
    }

    private static Map<String, String> valuesAndAccess(Profile p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.effective().forEach((name, s) -> m.put(name, s.access() + " " + s.value()));
        return m;
    }

    @Test
    void sampleWithGroups() {
        CliRun r = CatalogCli.run("profile", "sample", "--format", "xml", "--groups");
        assertThat(r.out()).contains("<Reg_Min_Expires group=\"SIP/SIP_Timer_Values__sec_\" ua=\"na\">1</Reg_Min_Expires>");
    }

    @Test
    void helpShowsExamples() {
        for (String[] cmd : new String[][] {{"models", "--help"}, {"profile", "validate", "--help"}, {"profile", "sample", "--help"}}) {
            CliRun r = CatalogCli.run(cmd);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Examples:").contains("Exit codes:");
        }
    }
}
