package org.spaprov.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CatalogCli;
import org.spaprov.cli.CliRun;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.catalog.ParamDef;
import org.spaprov.rules.RuleChecks;

/** The validator with the real checks of spaprov-rules, keyed by the catalog's kinds. */
class ValidateWithRuleChecksTest {
    @TempDir
    Path dir;

    @Test
    void everyRuleKindOfTheCatalogHasACheck() {
        for (ParamDef p : Catalogs.get("spa2102").params()) {
            String kind = p.type().kind();
            if (kind.endsWith("rule") || kind.equals("condition") || kind.equals("schedule")) {
                assertThat(RuleChecks.checks()).as(p.xmlName()).containsKey(kind);
            }
        }
    }

    @Test
    void factoryDefaultsPassTheRuleChecks() throws Exception {
        CliRun sample = CatalogCli.run("profile", "sample", "--model", "spa2102", "--format", "xml");
        Path f = dir.resolve("sample.xml");
        Files.writeString(f, sample.out());
        CliRun r = CatalogCli.run(RuleChecks.checks(), "profile", "validate", "--strict", f.toString());
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void badRulesAreReportedInsideTheValue() throws Exception {
        Path f = dir.resolve("rules.txt");
        Files.writeString(f, """
                Profile_Rule "[--key $B ] http://ps.example.com/$MA.cfg" ;
                Upgrade_Rule "[--key x] http://ps.example.com/fw.bin" ;
                Report_Rule "[--post a] http://ps.example.com/report" ;
                Resync_Periodic "3600+" ;
                """);
        CliRun r = CatalogCli.run(RuleChecks.checks(), "profile", "validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain(f + ":1:")
                .contains(f + ":2:15: error: Upgrade_Rule: ")
                .contains(f + ":3:").contains("Report_Rule: ")
                .contains(f + ":4:18: error: Resync_Periodic: ");
    }
}
