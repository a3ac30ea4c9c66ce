package org.spaprov.server.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileWriter;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.config.ServerConfig.PlainSecrets;

/**
 * The last stage: leaves out secrets the request may not see, writes the profile as XML with our
 * writer, then (per-device profiles under an encoded name, {@code naming.profiles}) gzips it when the
 * site says so and encrypts it with the device's key (AES-256-CBC, MD5 key derivation, SPEC §3).
 *
 * <p>Secrets (SPEC §15.24): a request is <em>authenticated for the device</em> when it carried the
 * device's verified client certificate (HTTPS; {@link IdentifyStage} refuses a certificate naming
 * another device) or when this answer is encrypted with the device's own key. Any other answer —
 * plain TFTP/HTTP, HTTPS without a certificate, bootstrap files — leaves out every parameter the
 * catalog flags secret ({@link Catalogs#isSecret}) under {@code security.plain-secrets: deny}, the
 * default, and its reason (the event) says {@code secrets withheld}. The device keeps the values it
 * has (an absent parameter is not changed, SPEC §1).
 *
 * <p>The ETag hashes the XML with the encoding choices, so it is stable across the random salt.
 */
final class EncodeStage implements Stage {
    /** What the reason of an answer that left secrets out contains. */
    static final String WITHHELD = "secrets withheld";

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        boolean perDevice = ctx.kind() == FileKind.PROFILE && !ctx.name().plain();
        boolean gzip = perDevice && ctx.site().config().gzip();
        Optional<String> key = perDevice ? ctx.device().flatMap(d -> d.key()) : Optional.empty();
        boolean authenticated = ctx.byCert() || key.isPresent();
        Profile profile = ctx.profile().orElseThrow();
        boolean withheld = false;
        if (!authenticated && ctx.site().config().security().plainSecrets() == PlainSecrets.DENY) {
            Profile open = withoutSecrets(profile, ctx.device().flatMap(d -> d.key()));
            withheld = open.statements().size() != profile.statements().size();
            profile = open;
        }
        String note = withheld ? ", " + WITHHELD : "";
        byte[] xml = XmlProfileWriter.write(profile).getBytes(StandardCharsets.UTF_8);
        String etag = etag(xml, gzip, key);
        if (!gzip && key.isEmpty()) {
            return ProvisionResult.ok(xml, "text/xml", etag, "served" + note, ctx.mac());
        }
        byte[] body = ProfileCodec.encode(xml, gzip, key.orElse(null), Digest.MD5);
        return ProvisionResult.ok(body, "application/octet-stream", etag,
                "served" + (gzip ? " gzip" : "") + (key.isPresent() ? " encrypted" : "") + note, ctx.mac());
    }

    /** {@code p} without its secret statements ({@link #isSecret}). */
    static Profile withoutSecrets(Profile p, Optional<String> deviceKey) {
        Profile.Builder b = Profile.builder();
        for (Setting s : p.statements()) {
            if (!isSecret(s, deviceKey)) {
                b.add(s);
            }
        }
        return b.build();
    }

    /**
     * A statement is secret when the catalogs flag its parameter, or when its value carries the
     * device's key: a layer may place {@code {{ device.key }}} in any parameter (the guide keeps keys
     * in {@code GPP_B} for {@code [--key $B]}), and the key is a secret wherever it is put.
     */
    static boolean isSecret(Setting s, Optional<String> deviceKey) {
        return Catalogs.isSecret(s.name()) || deviceKey.filter(k -> !k.isEmpty() && s.value() != null
                && s.value().contains(k)).isPresent();
    }

    private static String etag(byte[] xml, boolean gzip, Optional<String> key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(xml);
            md.update((byte) (gzip ? 1 : 0));
            key.ifPresent(k -> md.update(k.getBytes(StandardCharsets.UTF_8)));
            return "\"" + HexFormat.of().formatHex(md.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
