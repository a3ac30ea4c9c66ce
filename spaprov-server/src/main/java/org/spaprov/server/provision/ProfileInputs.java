package org.spaprov.server.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.profile.xml.XmlProfileWriter;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;

/**
 * A fingerprint of what a device's intended profile is made of in the site: the layers that apply to it
 * (global, model, its groups in order, its device layer: their parameters as written, placeholders unrendered),
 * its model and groups, and its model's firmware target. Equal fingerprints mean no layer edit touched the device;
 * the applied state ({@code feedback.status}) compares the one recorded when a profile was served with today's to
 * say {@code pending}. Not in it: the device's variables and key (they hold secrets; a hash of them is not kept)
 * and the bound ports. Thread-safe; a layer's hash is computed once per site generation.
 */
public final class ProfileInputs {
    private record Cached(long generation, Map<String, String> byFile) {
    }

    private volatile Cached cache = new Cached(-1, new ConcurrentHashMap<>());

    /** The fingerprint of {@code d}'s intended profile in {@code site}: 16 hex digits. */
    public String of(Site site, DeviceRecord d) {
        Cached c = cache;
        if (c.generation() != site.generation()) {
            c = new Cached(site.generation(), new ConcurrentHashMap<>());
            cache = c;
        }
        StringBuilder in = new StringBuilder(d.model()).append('\n').append(String.join(",", d.groups())).append('\n')
                .append(site.config().firmware().getOrDefault(d.model(), "")).append('\n');
        append(in, c, site.global());
        append(in, c, Optional.ofNullable(site.models().get(d.model())));
        for (String g : d.groups()) {
            append(in, c, Optional.ofNullable(site.groups().get(g)));
        }
        append(in, c, Optional.ofNullable(site.deviceLayers().get(d.mac())));
        return sha256(in.toString()).substring(0, 16);
    }

    private static void append(StringBuilder in, Cached c, Optional<Layer> layer) {
        layer.ifPresent(l -> in.append(l.file()).append('=').append(c.byFile().computeIfAbsent(l.file(),
                f -> sha256(XmlProfileWriter.write(l.profile())))).append('\n'));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
