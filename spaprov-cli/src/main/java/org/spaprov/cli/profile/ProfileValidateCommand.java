package org.spaprov.cli.profile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.ModelOption;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.validate.SyntaxCheck;
import org.spaprov.profile.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spaprov profile validate FILE…}: reads each file (XML when its first non-blank character is
 * {@code <}, else plain text), checks it against a model's catalog and prints one line per finding,
 * {@code FILE:LINE:COL: error|warning: message}, on standard output. Exit 0 without errors, 1 with
 * errors (with {@code --strict}, warnings count as errors), 2 on usage errors.
 */
@Command(name = "validate",
        description = {"Check profiles against a model's parameter catalog.", "",
                "Values are checked against their types, choices and ranges; unknown names are reported with the "
                        + "closest known name; a name set twice in one file is reported. Each finding is one line: "
                        + "FILE:LINE:COL: error|warning: message. Plain-text files may import others (relative to "
                        + "the importing file)."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:errors found or a file unreadable",
                "2:usage error (bad option, unknown model)"},
        footer = {"  spaprov profile validate spa2102.xml",
                "  spaprov profile validate base.txt spa000e08aabbcc.txt --model spa3102",
                "  spaprov profile validate --strict spa2102.xml && echo clean"})
public final class ProfileValidateCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "XML or plain-text profiles.")
    List<Path> files;

    @Mixin
    ModelOption model;

    @Option(names = "--strict", description = "Treat warnings (unknown names, duplicates) as errors.")
    boolean strict;

    private final Map<String, SyntaxCheck> extraChecks;

    /** With the checks of {@link Checks#extra()}. */
    public ProfileValidateCommand() {
        this(Checks.extra());
    }

    /** With explicit extra checks (tests, or a caller that has the rules module). */
    public ProfileValidateCommand(Map<String, SyntaxCheck> extraChecks) {
        this.extraChecks = Map.copyOf(extraChecks);
    }

    @Override
    public Integer call() {
        Catalog catalog = model.catalog();
        Validator validator = new Validator(catalog, extraChecks);
        PrintWriter out = out();
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            Profile p;
            try {
                p = ProfileFiles.read(file);
            } catch (UserException e) {
                // An unreadable file is one error line; the other files are still checked.
                out.println(e.getMessage());
                errors++;
                continue;
            }
            for (Finding f : validator.validate(p, strict)) {
                out.println(f);
                if (f.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        out.println(summary(errors, warnings));
        out.flush();
        return errors > 0 ? Cli.INVALID : Cli.OK;
    }

    private String summary(int errors, int warnings) {
        String f = files.size() == 1 ? files.get(0).toString() : files.size() + " files";
        return f + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + " (" + model.name() + ")";
    }
}
