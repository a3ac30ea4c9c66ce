package org.spaprov.cli.device;

import java.util.concurrent.Callable;
import org.spaprov.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spaprov firmware <verb>}: firmware images for the emulator and the server. */
@Command(name = "firmware",
        description = "Firmware images in spaprov's format (a header naming model and version, payload, checksum).",
        mixinStandardHelpOptions = true,
        subcommands = {FirmwareMakeCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"", "Examples:", "  spaprov firmware make --model spa2102 --version 5.3.0 -o spa2102-5.3.0.bin"})
public final class FirmwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }
}
