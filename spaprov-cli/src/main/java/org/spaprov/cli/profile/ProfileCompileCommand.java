package org.spaprov.cli.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spaprov.cli.Cli;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spaprov profile compile}: text or XML in, validated, XML out, then gzip, then AES. */
@Command(name = "compile",
        description = {"Compile a profile into what a device downloads.", "",
                "Plain text or XML in; validated XML out, then optionally gzip, then optionally",
                "AES-256-CBC exactly as 'openssl enc -aes-256-cbc -md md5 -k KEY' (SPEC §3.1).",
                "A profile with errors is not compiled."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compiled", "1:invalid profile or unreadable file", "2:usage error"},
        footer = {"", "Examples:",
                "  spaprov profile compile spa2102.txt -o spa2102.xml",
                "  spaprov profile compile spa2102.txt -o spa000e08aabbcc.cfg --gzip --key SecretPhrase1234",
                "  openssl enc -d -aes-256-cbc -md md5 -k SecretPhrase1234 -in spa000e08aabbcc.cfg | gunzip"})
public final class ProfileCompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Plain-text or XML profile.")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the result.")
    Path out;

    @Option(names = "--model", defaultValue = "spa2102", description = "Catalog to validate against (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--gzip", description = "Compress with gzip (before encryption).")
    boolean gzip;

    @Option(names = "--key", paramLabel = "PASS", description = "Encrypt with this pass phrase (the rule's --key).")
    String key;

    @Option(names = "--md", defaultValue = "md5", paramLabel = "md5|sha256",
            description = "Key-derivation digest (default: ${DEFAULT-VALUE}; SPA firmware expects md5).")
    String md;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
        Digest digest = Digests.parse(md);
        Profile p = ProfileFiles.read(in);
        List<Finding> findings = Validation.validate(p, model, strict);
        Validation.print(findings, spec.commandLine().getErr());
        if (findings.stream().anyMatch(f -> f.isError() || strict)) {
            spec.commandLine().getErr().println("spaprov: " + in + ": not compiled: the profile has errors");
            return Cli.INVALID;
        }
        byte[] xml = XmlProfileWriter.write(p).getBytes(StandardCharsets.UTF_8);
        Output.write(out, ProfileCodec.encode(xml, gzip, key, digest), spec.commandLine().getOut());
        return Cli.OK;
    }
}
