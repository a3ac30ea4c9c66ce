package org.spaprov.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spaprov.device.ClientCredentials;
import org.spaprov.profile.Mac;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.Issued;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.PkiException;

/**
 * Turns the example site of {@code spaprov site init} into the demo's (before the server starts: the layers name
 * the server by {@code {{ server.* }}}, which it fills in with the ports it bound): a {@code demo} group sends
 * keyed devices on to encrypted HTTP, and
 * {@code devices.csv} gets one row per emulated device (each with its own AES key) while the site's CA issues
 * each one a client certificate (kept in memory for the fleet).
 */
final class DemoSite {
    private DemoSite() {
    }

    /** The fleet's MACs, keys and certificates. */
    record Devices(String macBase, Map<String, ClientCredentials> credentials) {
    }

    static Devices write(Path site, int count, String macBase, java.time.Clock clock) throws IOException, PkiException {
        Files.writeString(site.resolve("layers/group/demo.xml"), """
                <flat-profile>
                  <!-- Demo devices: HTTPS with their client certificate delivers the key, then encrypted HTTP. -->
                  <GPP_SA ua="na">{{ device.key }}</GPP_SA>
                  <Profile_Rule_B>[--key $SA] {{ server.http_url }}/spa$MA.cfg</Profile_Rule_B>
                  <Resync_Periodic>3600</Resync_Periodic>
                </flat-profile>
                """, StandardCharsets.UTF_8);
        CertificateAuthority ca = CertificateAuthority.load(site.resolve("pki/ca.crt"), site.resolve("pki/ca.key"),
                clock);
        SecureRandom rnd = new SecureRandom();
        Mac base = Mac.parse(macBase);
        StringBuilder csv = new StringBuilder(Files.readString(site.resolve("devices.csv"), StandardCharsets.UTF_8));
        Map<String, ClientCredentials> creds = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String mac = base.plus(i).hex();
            String serial = "SN" + mac.substring(2).toUpperCase(java.util.Locale.ROOT);
            byte[] k = new byte[12];
            rnd.nextBytes(k);
            String key = HexFormat.of().formatHex(k);
            csv.append(mac).append(",spa2102,").append(serial).append(",demo,").append(key)
                    .append(",Demo ").append(i).append(',').append(2000 + i).append(",pw-").append(2000 + i)
                    .append("-demo\n");
            Issued dev = ca.issueDevice(mac, "SPA-2102", serial, KeyKind.EC_P256, Duration.ofDays(30));
            creds.put(mac, new ClientCredentials(new ArrayList<>(List.of(dev.certificate(), ca.certificate())),
                    dev.key()));
        }
        Files.writeString(site.resolve("devices.csv"), csv.toString(), StandardCharsets.UTF_8);
        return new Devices(macBase, creds);
    }
}
