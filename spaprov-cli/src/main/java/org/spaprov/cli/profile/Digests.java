package org.spaprov.cli.profile;

import java.util.Locale;
import org.spaprov.cli.UserException;
import org.spaprov.profile.codec.Digest;

/** Parses {@code --md}. */
final class Digests {
    private Digests() {
    }

    static Digest parse(String md) {
        return switch (md.toLowerCase(Locale.ROOT)) {
            case "md5" -> Digest.MD5;
            case "sha256", "sha-256" -> Digest.SHA256;
            default -> throw UserException.usage("--md must be md5 or sha256, not '" + md + "'");
        };
    }
}
