package org.spaprov.cli.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.profile.ProfileValidateCommand;
import org.spaprov.rules.RuleChecks;
import picocli.CommandLine;

/** The profile validator with {@link RuleChecks} reports rule syntax errors at the value's column. */
class ValidatorWithRuleChecksTest {
    @TempDir
    Path dir;

    @Test
    void ruleConditionAndScheduleErrorsAtTheirColumn() throws Exception {
        Path xml = dir.resolve("spa.xml");
        Files.writeString(xml, """
                <flat-profile>
                  <Profile_Rule>( $A eq 1 ) /a.cfg</Profile_Rule>
                  <Upgrade_Rule>[--key k] http://fw/spa.bin</Upgrade_Rule>
                  <Resync_Trigger_1>$REGTMR1 gt 300 or $PRVTMR gt 1</Resync_Trigger_1>
                  <Resync_Error_Retry_Delay>1800,,3600</Resync_Error_Retry_Delay>
                  <Profile_Rule_B>("$A" ne "Provisioned")? (Line_Enable_1_ = "No";)! https://p.tel.com/init-prov | https://p.tel.com/configs</Profile_Rule_B>
                </flat-profile>
                """);
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ProfileValidateCommand(RuleChecks.checks()));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(xml.toString());
        String report = out.toString();
        assertThat(code).as(report).isEqualTo(1);
        // Each value starts at column 17..21 of its line; the rules module adds its 0-based offset.
        assertThat(report).contains(xml + ":2:28: error:").contains("right after ')'");
        assertThat(report).contains(xml + ":3:17: error:").contains("Upgrade_Rule");
        assertThat(report).contains(xml + ":4:37: error:").contains("expected 'and'");
        assertThat(report).contains(xml + ":5:").contains("Resync_Error_Retry_Delay"); // the catalog's own schedule check
        assertThat(report).doesNotContain(":6:");
    }
}
