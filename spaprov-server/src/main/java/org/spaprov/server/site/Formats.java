package org.spaprov.server.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.validate.Validator;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.xml.XmlProfileWriter;
import org.spaprov.rules.RuleChecks;

/**
 * The server's one seam to the formats, codecs and catalogs of {@code spaprov-profile}: the
 * server's code calls these, so a change there is made here once. Stateless and thread-safe.
 */
public final class Formats {
    /** One validator per model, with the rule-language checks (built once, reused: they are immutable). */
    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

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
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String m = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        Optional<Catalog> c = Catalogs.find(m);
        if (c.isEmpty()) {
            // A product name as devices report it (User-Agent PN, certificate OU): SPA-2102, PAP2T.
            c = Catalogs.all().stream()
                    .filter(k -> k.productName().replace("-", "").equalsIgnoreCase(m)).findFirst();
        }
        return c.map(Catalog::model);
    }

    /** Every catalog parameter of {@code model} with its default value and access. */
    public static Profile defaults(String model) {
        return Catalogs.get(model).defaults();
    }

    /** The product name ({@code SPA2102}) of a catalog model. */
    public static String productName(String model) {
        return Catalogs.get(model).productName();
    }

    /**
     * Catalog validation with the rule-language checks, not strict (unknown names are warnings);
     * errors make a profile unservable. Messages never quote a secret value.
     */
    public static List<Finding> validate(String model, Profile p) {
        Validator v = VALIDATORS.computeIfAbsent(model, m -> new Validator(Catalogs.get(m), RuleChecks.checks()));
        return v.validate(p, false);
    }
}
