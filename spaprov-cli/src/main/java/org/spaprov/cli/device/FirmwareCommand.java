package org.spaprov.cli.device;

import org.spaprov.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code spaprov firmware <verb>}: firmware images for the emulator and the server. */
@Command(name = "firmware",
        description = "Firmware images in spaprov's format (a header naming model and version, payload, checksum).",
        mixinStandardHelpOptions = true,
        subcommands = {FirmwareMakeCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  spaprov firmware make --model spa2102 --version 5.3.0 -o spa2102-5.3.0.bin"})
public final class FirmwareCommand extends GroupCommand {
}
