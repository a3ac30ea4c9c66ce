package org.spaprov.cli.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.profile.firmware.FirmwareImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spaprov firmware make}: writes an image the emulator accepts for an upgrade. */
@Command(name = "make",
        description = {"Create a firmware image for an emulated device.", "",
                "The payload is SIZE bytes of filler derived from model and version (the same arguments give the "
                        + "same file). Serve it over TFTP or HTTP and point Upgrade_Rule at it."},
        // no mixinStandardHelpOptions: its --version would clash with the firmware --version
        exitCodeList = {"0:image written", "1:cannot write the file", "2:usage error"},
        footer = {"  spaprov firmware make --model spa2102 --version 5.3.0 -o spa2102-5.3.0.bin",
                "  spaprov firmware make --model spa3102 --version 5.2.10 --size 4096 \\",
                "      -o /srv/tftp/fw.bin",
                "  spaprov emulate --mac 000e08aabbcc --until upgrade \\",
                "      --set 'Upgrade_Rule=http://127.0.0.1:8080/spa2102-5.3.0.bin'"})
public final class FirmwareMakeCommand extends BaseCommand {
    /** Largest payload this command writes. */
    static final long MAX_SIZE = 64L << 20;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model the image is for, e.g. spa2102.")
    String model;

    @Option(names = "--version", required = true, paramLabel = "V", description = "Firmware version, e.g. 5.3.0 or 5.2.12(GW).")
    String version;

    @Option(names = "--size", defaultValue = "65536", paramLabel = "N", description = "Payload bytes (default ${DEFAULT-VALUE}).")
    long size;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the image.")
    Path out;

    @Override
    public Integer call() {
        if (size < 0 || size > MAX_SIZE) {
            throw UserException.usage("--size must be 0.." + MAX_SIZE + ", got " + size);
        }
        byte[] payload = new byte[(int) size];
        new SplittableRandom((model + "/" + version).hashCode()).nextBytes(payload);
        byte[] image;
        try {
            image = FirmwareImage.make(model, version, payload);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        try {
            Files.write(out, image);
        } catch (IOException e) {
            throw UserException.invalid(out + ": cannot write: " + e.getMessage());
        }
        out().println("wrote " + out + " (" + model + " " + version + ", "
                + image.length + " bytes)");
        return Cli.OK;
    }
}
