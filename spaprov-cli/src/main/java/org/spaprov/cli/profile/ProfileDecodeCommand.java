package org.spaprov.cli.profile;

import java.nio.file.Path;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.CipherOptions;
import org.spaprov.cli.options.OutputOption;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spaprov profile decode}: undoes AES and gzip the way a device does, prints the XML. */
@Command(name = "decode",
        description = {"Decode a downloaded profile and print its XML.", "",
                "Works the way a device does: decrypt (Salted__), gunzip, check it is XML. A wrong key or digest is "
                        + "an error, never garbage."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:decoded", "1:wrong key, corrupt or unsupported file", "2:usage error"},
        footer = {"  spaprov profile decode spa000e08aabbcc.cfg --key SecretPhrase1234",
                "  spaprov profile decode profile.xml.gz -o profile.xml",
                "  openssl enc -aes-256-cbc -md sha256 -k k -in p.xml -out p.cfg",
                "  spaprov profile decode p.cfg --key k --md sha256"})
public final class ProfileDecodeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IN", description = "Encrypted, gzipped or plain XML profile.")
    Path in;

    @Mixin
    CipherOptions cipher;

    @Mixin
    OutputOption out;

    @Override
    public Integer call() {
        byte[] data = ProfileFiles.bytes(in);
        byte[] xml;
        try {
            xml = ProfileCodec.decode(data, cipher.key(), cipher.digest());
        } catch (CodecException e) {
            throw UserException.invalid(in + ": " + e.getMessage());
        }
        try {
            XmlProfileReader.read(xml, in.toString());
        } catch (ProfileException e) {
            throw UserException.invalid("corrupt file: " + e.getMessage());
        }
        out.write(xml, out());
        return Cli.OK;
    }
}
