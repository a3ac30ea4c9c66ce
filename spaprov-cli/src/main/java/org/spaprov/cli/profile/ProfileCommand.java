package org.spaprov.cli.profile;

import org.spaprov.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code spaprov profile <verb>}: the profile toolchain (our {@code spc}). */
@Command(name = "profile",
        description = "Profiles: validate, compile (XML, gzip, AES), decode, convert, diff, sample.",
        mixinStandardHelpOptions = true,
        subcommands = {
                ProfileValidateCommand.class,
                ProfileSampleCommand.class,
                ProfileCompileCommand.class,
                ProfileDecodeCommand.class,
                ProfileConvertCommand.class,
                ProfileDiffCommand.class,
        },
        commandListHeading = "%nCommands:%n",
        footer = {"  spaprov profile validate spa2102.xml",
                "  spaprov profile compile spa2102.txt -o spa2102.cfg --gzip --key SecretPhrase1234",
                "  spaprov profile decode spa2102.cfg --key SecretPhrase1234"})
public final class ProfileCommand extends GroupCommand {
}
