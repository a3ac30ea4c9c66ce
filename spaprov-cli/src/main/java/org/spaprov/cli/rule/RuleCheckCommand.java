package org.spaprov.cli.rule;

import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.rules.Conditions;
import org.spaprov.rules.RuleSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spaprov rule check}: evaluates a bare condition, as in {@code Resync_Trigger_n} (SPEC §5). */
@Command(name = "check",
        description = {"Evaluate a bare condition and print true or false.", "",
                "The condition is written as in Resync_Trigger_1/_2, without '( )?'. An empty or commented-out "
                        + "condition is false (it never fires)."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:the condition parses (true or false printed)", "1:malformed (the column is shown)",
                "2:usage error"},
        footer = {"  spaprov rule check '$REGTMR1 gt 300 and $PRVTMR gt 1200 and \"$EXTIP\" ne \"\"' \\",
                "      --var REGTMR1=301 --var PRVTMR=1201 --var EXTIP=66.43.16.52",
                "  spaprov rule check '$SWVER ge 2.0.6 and \"$CCERT\" eq \"Installed\"' \\",
                "      --var SWVER=2.0.6 --var CCERT=Installed"})
public final class RuleCheckCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "EXPR", description = "The condition.")
    String expr;

    @Mixin
    VariableOptions variables;

    @Override
    public Integer call() {
        var vars = variables.variables();
        try {
            Conditions.parse(expr);
        } catch (RuleSyntaxException e) {
            throw Columns.malformed("condition", e.column(), e.getMessage());
        }
        var out = out();
        out.println(Conditions.evaluate(expr, vars));
        out.flush();
        return Cli.OK;
    }
}
