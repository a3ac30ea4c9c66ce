package org.spaprov.server.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spaprov.profile.Mac;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.Issued;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.pki.PkiException;

/**
 * Device certificates from a site's CA ({@code spaprov pki issue}): {@code pki/ca.crt} and {@code pki/ca.key}
 * sign {@code pki/devices/<mac>.crt} and {@code .key} (owner-only) with the subject of SPEC §15.13,
 * {@code CN=<mac>, OU=<product name>, L=<serial>, ST=<mac>}. The product name and serial come from the device's
 * row in {@code devices.csv} when it has one, else from {@link Request#defaultModel()} and no serial. Stateless.
 */
public final class SitePki {
    /** Where device certificates go, site-relative. */
    public static final String DEVICES_DIR = "pki/devices";

    private SitePki() {
    }

    /**
     * What to issue.
     *
     * @param macs         the devices, each once
     * @param keyKind      key algorithm of the new keys
     * @param validity     how long the certificates are valid
     * @param overwrite    replace existing files; without it, one existing file refuses the whole request
     * @param defaultModel the catalog model of a MAC that is not in {@code devices.csv}
     */
    public record Request(List<Mac> macs, KeyKind keyKind, Duration validity, boolean overwrite, String defaultModel) {
        public Request {
            macs = List.copyOf(macs.stream().distinct().toList());
            Objects.requireNonNull(keyKind, "keyKind");
            Objects.requireNonNull(validity, "validity");
            Objects.requireNonNull(defaultModel, "defaultModel");
        }
    }

    /** One device's new files, site-relative, and the subject written. */
    public record Written(Mac mac, String cert, String key, String subject) {
    }

    /**
     * Issues every certificate of {@code request}, or none: the CA, the models and the targets are all checked
     * before the first file is written.
     *
     * @throws SiteException naming the file or device that stops it (the CA's files, {@code devices.csv:LINE},
     *                       an existing certificate)
     */
    public static List<Written> issueDevices(Path siteDir, Request request, Clock clock) throws SiteException {
        Path ca = siteDir.resolve("pki/ca.crt");
        Path caKey = siteDir.resolve("pki/ca.key");
        for (Path p : List.of(ca, caKey)) {
            if (!Files.isRegularFile(p)) {
                throw SiteException.at(siteDir.relativize(p).toString(), 0, "missing: the site CA signs device"
                        + " certificates (spaprov site init writes it)");
            }
        }
        Map<String, DeviceRecord> inventory = inventory(siteDir);
        Catalog fallback = Catalogs.find(request.defaultModel()).orElseThrow(() -> SiteException.at("--model", 0,
                "'" + request.defaultModel() + "' is not a known model (spaprov models)"));
        List<String[]> plan = new ArrayList<>();
        for (Mac mac : request.macs()) {
            String hex = mac.hex();
            Optional<DeviceRecord> d = Optional.ofNullable(inventory.get(hex));
            Catalog model = d.isEmpty() ? fallback : Catalogs.find(d.get().model()).orElseThrow(() ->
                    SiteException.at(DevicesCsv.FILE, 0, hex + ": model '" + d.get().model() + "' has no catalog"));
            String crt = DEVICES_DIR + "/" + hex + ".crt";
            String key = DEVICES_DIR + "/" + hex + ".key";
            if (!request.overwrite()) {
                for (String f : List.of(crt, key)) {
                    if (Files.exists(siteDir.resolve(f))) {
                        throw SiteException.at(f, 0, "exists; --force replaces it");
                    }
                }
            }
            plan.add(new String[] {hex, model.productName(), d.flatMap(DeviceRecord::serial).orElse(""), crt, key});
        }
        try {
            CertificateAuthority authority = CertificateAuthority.load(ca, caKey, clock);
            List<Written> out = new ArrayList<>();
            for (String[] p : plan) {
                Issued dev = authority.issueDevice(p[0], p[1], p[2], request.keyKind(), request.validity());
                Pem.writePrivateKey(siteDir.resolve(p[4]), dev.key());
                Pem.writeCertificate(siteDir.resolve(p[3]), dev.certificate());
                // In the order SPEC §15.13 writes it (an X500Principal prints it reversed).
                String subject = "CN=" + p[0] + ", OU=" + p[1] + (p[2].isEmpty() ? "" : ", L=" + p[2]) + ", ST=" + p[0];
                out.add(new Written(Mac.parse(p[0]), p[3], p[4], subject));
            }
            return out;
        } catch (PkiException e) {
            throw SiteException.at("pki", 0, e.getMessage());
        }
    }

    /** The site's {@code devices.csv} by MAC; none when the site has no such file. */
    private static Map<String, DeviceRecord> inventory(Path siteDir) throws SiteException {
        Path csv = siteDir.resolve(DevicesCsv.FILE);
        if (!Files.isRegularFile(csv)) {
            return Map.of();
        }
        try {
            // Groups are the site check's business; here only model and serial matter.
            return DevicesCsv.parse(Files.readAllBytes(csv), g -> true).stream()
                    .collect(Collectors.toMap(DeviceRecord::mac, Function.identity(), (a, b) -> a));
        } catch (IOException e) {
            throw SiteException.at(DevicesCsv.FILE, 0, "cannot read: " + e.getMessage());
        }
    }
}
