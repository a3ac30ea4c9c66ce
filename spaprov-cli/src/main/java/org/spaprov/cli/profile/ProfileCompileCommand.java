package org.spaprov.cli.profile;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.options.CipherOptions;
import org.spaprov.cli.options.ModelOption;
import org.spaprov.cli.options.OutputOption;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.validate.Validator;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov profile compile}: text or XML in, validated, XML out, then gzip, then AES. */
@Command(name = "compile",
        description = {"Compile a profile into what a device downloads.", "",
                "Plain text or XML in; validated XML out, then optionally gzip, then optionally AES-256-CBC exactly as "
                        + "'openssl enc -aes-256-cbc -md md5 -k KEY' (SPEC §3.1). A profile with errors is not compiled."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:compiled", "1:invalid profile or unreadable file", "2:usage error"},
        footer = {"  spaprov profile compile spa2102.txt -o spa2102.xml",
                "  spaprov profile compile spa2102.txt -o spa000e08aabbcc.cfg --gzip --key SecretPhrase1234",
                "  openssl enc -d -aes-256-cbc -md md5 -k SecretPhrase1234 -in spa000e08aabbcc.cfg | gunzip"})
public final class ProfileCompileCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IN", description = "Plain-text or XML profile.")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the result.")
    Path out;

    @Mixin
    ModelOption model;

    @Option(names = "--gzip", description = "Compress with gzip (before encryption).")
    boolean gzip;

    @Mixin
    CipherOptions cipher;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
        var digest = cipher.digest();
        Profile p = ProfileFiles.read(in);
        List<Finding> findings = new Validator(model.catalog(), Checks.extra()).validate(p, strict);
        PrintWriter err = err();
        findings.forEach(err::println);
        if (findings.stream().anyMatch(f -> f.isError() || strict)) {
            err.println("spaprov: " + in + ": not compiled: the profile has errors");
            err.flush();
            return Cli.INVALID;
        }
        err.flush();
        byte[] xml = XmlProfileWriter.write(p).getBytes(StandardCharsets.UTF_8);
        OutputOption.write(out, ProfileCodec.encode(xml, gzip, cipher.key(), digest), out());
        return Cli.OK;
    }
}
