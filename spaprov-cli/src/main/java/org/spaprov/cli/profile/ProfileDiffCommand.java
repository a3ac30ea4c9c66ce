package org.spaprov.cli.profile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.TreeSet;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spaprov profile diff}: compares effective values and access. */
@Command(name = "diff",
        description = {"Compare two profiles by effective value and access.", "",
                "A and B may be XML or plain text in any mix. One line per difference: '- NAME ...' only in A, "
                        + "'+ NAME ...' only in B, '~ NAME A -> B' changed."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:same", "1:different (or unreadable input)", "2:usage error"},
        footer = {"  spaprov profile diff old.xml new.xml",
                "  spaprov profile diff spa2102.txt spa2102.xml && echo same"})
public final class ProfileDiffCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B")
    Path b;

    @Override
    public Integer call() {
        Profile pa = ProfileFiles.read(a);
        Profile pb = ProfileFiles.read(b);
        PrintWriter out = out();
        TreeSet<String> names = new TreeSet<>(pa.effective().keySet());
        names.addAll(pb.effective().keySet());
        int differences = 0;
        for (String n : names) {
            Setting x = pa.effective().get(n);
            Setting y = pb.effective().get(n);
            if (x == null) {
                out.println("+ " + n + " " + show(y));
            } else if (y == null) {
                out.println("- " + n + " " + show(x));
            } else if (!Objects.equals(x.value(), y.value()) || !Objects.equals(x.access(), y.access())) {
                out.println("~ " + n + " " + show(x) + " -> " + show(y));
            } else {
                continue;
            }
            differences++;
        }
        out.flush();
        return differences == 0 ? Cli.OK : Cli.INVALID;
    }

    private static String show(Setting s) {
        String v = s.value() == null ? "(unchanged)" : "\"" + s.value() + "\"";
        return s.access() == null ? v : v + " ua=" + s.access().xml();
    }
}
