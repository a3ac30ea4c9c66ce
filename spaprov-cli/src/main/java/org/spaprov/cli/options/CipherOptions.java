package org.spaprov.cli.options;

import java.util.Locale;
import org.spaprov.cli.UserException;
import org.spaprov.profile.codec.Digest;
import picocli.CommandLine.Option;

/** {@code --key PASS} and {@code --md md5|sha256}: the pass phrase and key derivation of 'openssl enc -k'. */
public final class CipherOptions {
    @Option(names = "--key", paramLabel = "PASS", description = "Pass phrase of the AES-256-CBC encryption (the rule's --key).")
    String key;

    @Option(names = "--md", defaultValue = "md5", paramLabel = "md5|sha256",
            description = "Key-derivation digest (default: ${DEFAULT-VALUE}, which SPA firmware expects).")
    String md;

    /** The pass phrase, or null for no encryption. */
    public String key() {
        return key;
    }

    /** The digest of {@code --md}, or a usage error. */
    public Digest digest() {
        return switch (md.toLowerCase(Locale.ROOT)) {
            case "md5" -> Digest.MD5;
            case "sha256", "sha-256" -> Digest.SHA256;
            default -> throw UserException.usage("--md must be md5 or sha256, not '" + md + "'");
        };
    }
}
