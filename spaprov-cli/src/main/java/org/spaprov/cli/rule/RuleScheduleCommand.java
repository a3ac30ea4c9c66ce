package org.spaprov.cli.rule;

import java.util.SplittableRandom;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.rules.RuleSyntaxException;
import org.spaprov.rules.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov rule schedule}: the delays a schedule such as {@code 1800+300,3600} gives (SPEC §7.3). */
@Command(name = "schedule",
        description = {"Print the next delays of a retry or periodic schedule.", "",
                "Prints the next N delays of a schedule (Resync_Periodic, Resync_Error_Retry_Delay, "
                        + "Upgrade_Error_Retry_Delay) in whole seconds, one per line. Elements are SECONDS[+RANDOM]; the "
                        + "last one repeats; RANDOM adds a uniform 0..RANDOM. A disabled schedule (0 or empty) prints "
                        + "nothing."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:printed", "1:malformed (the column is shown)", "2:usage error"},
        footer = {"  spaprov rule schedule 1800,3600,7200,14400 --count 6",
                "  spaprov rule schedule 1800+300,3600+600,7200+900 --count 5 --seed 42"})
public final class RuleScheduleCommand extends BaseCommand {
    /** Most delays one call prints. */
    static final int MAX_COUNT = 100_000;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The schedule, e.g. 1800+300,3600,7200.")
    String schedule;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5", description = "How many delays (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the random parts, for repeatable output.")
    Long seed;

    @Override
    public Integer call() {
        if (count < 1 || count > MAX_COUNT) {
            throw UserException.usage("--count must be 1.." + MAX_COUNT);
        }
        Schedule s;
        try {
            s = Schedule.parse(schedule);
        } catch (RuleSyntaxException e) {
            throw Columns.malformed("schedule", e.column(), e.getMessage());
        }
        if (s.disabled()) {
            err().println("spaprov: the schedule is disabled (0 or empty): nothing repeats");
            err().flush();
            return Cli.OK;
        }
        SplittableRandom rnd = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        var out = out();
        for (int i = 0; i < count; i++) {
            out.println(s.delaySeconds(i, rnd));
        }
        out.flush();
        return Cli.OK;
    }
}
