package org.spaprov.server.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * The last stage: writes the profile as XML with our writer, then (per-device profiles under an
 * encoded name, {@code naming.profiles}) gzips it when the site says so and encrypts it with the device's key (AES-256-CBC, MD5 key derivation, SPEC §3).
 * The ETag hashes the XML with the encoding choices, so it is stable across the random salt.
 */
final class EncodeStage implements Stage {
    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        byte[] xml = XmlProfileWriter.write(ctx.profile().orElseThrow()).getBytes(StandardCharsets.UTF_8);
        boolean perDevice = ctx.kind() == FileKind.PROFILE && !ctx.name().plain();
        boolean gzip = perDevice && ctx.site().config().gzip();
        Optional<String> key = perDevice ? ctx.device().flatMap(d -> d.key()) : Optional.empty();
        String etag = etag(xml, gzip, key);
        if (!gzip && key.isEmpty()) {
            return ProvisionResult.ok(xml, "text/xml", etag, "served", ctx.mac());
        }
        byte[] body = ProfileCodec.encode(xml, gzip, key.orElse(null), Digest.MD5);
        return ProvisionResult.ok(body, "application/octet-stream", etag,
                "served" + (gzip ? " gzip" : "") + (key.isPresent() ? " encrypted" : ""), ctx.mac());
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
