package org.spaprov.server.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spaprov.device.ClientCredentials;
import org.spaprov.profile.firmware.FirmwareImage;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.Issued;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.store.ProvisionEvent;

/**
 * A complete site written by the test (PKI made with the server's own CA code), served by the real
 * {@link SpaprovServer} on 127.0.0.1 with every port picked at run time.
 * The layers that name the server's ports are written once the ports are bound, then the site is
 * reloaded. Close it to stop the server and the store.
 */
final class E2eSite implements AutoCloseable {
    /** Bootstraps over TFTP, then takes its gzipped profile over HTTP and upgrades by the generated rule. */
    static final String PLAIN = "000e08e2e001";
    /** Has a key; takes it over HTTPS with its certificate, then the encrypted profile over HTTP. */
    static final String KEYED = "000e08e2e002";
    /** Has a key pre-provisioned in GPP_B; takes its encrypted profile over TFTP. */
    static final String TFTP_KEYED = "000e08e2e003";
    /** Has a certificate; used to ask for someone else's profile. */
    static final String OTHER = "000e08e2e004";
    static final String KEY2 = "Key-Two-0002";
    static final String KEY3 = "Key-Three-003";
    static final String TARGET = "5.3.0";
    static final String FIRMWARE_FILE = "spa2102-" + TARGET + ".bin";

    final Path dir;
    final CertificateAuthority ca;
    private final Map<String, Issued> deviceCerts = new HashMap<>();
    final ServerCore core;
    final SpaprovServer server;

    private E2eSite(Path dir, CertificateAuthority ca, SpaprovServer server) {
        this.dir = dir;
        this.ca = ca;
        this.core = server.core();
        this.server = server;
    }

    static E2eSite start(Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        Duration year = Duration.ofDays(365);
        CertificateAuthority ca = CertificateAuthority.create("e2e device CA", KeyKind.EC_P256, year, clock);
        Pem.writeCertificate(dir.resolve("pki/ca.crt"), ca.certificate());
        Issued server = ca.issueServer(List.of("localhost"), List.of("127.0.0.1"), KeyKind.RSA_2048, year);
        Pem.writeCertificate(dir.resolve("pki/server.crt"), server.certificate());
        Pem.writePrivateKey(dir.resolve("pki/server.key"), server.key());
        write(dir, "spaprov.yaml", """
                listen: {bind: 127.0.0.1, tftp: 0, http: 0, https: 0}
                tls: {client-certs: optional}
                profiles: {gzip: true}
                firmware: {spa2102: %s}
                """.formatted(TARGET));
        write(dir, "devices.csv", """
                mac,model,serial,groups,key,var.station,var.sip_user,var.sip_password
                %s,spa2102,E2E0001,office,,Reception,1001,pw-1001
                %s,spa2102,E2E0002,office,%s,Sales,1002,pw-1002
                %s,spa2102,E2E0003,,%s,Lab,1003,pw-1003
                %s,spa2102,E2E0004,,,Spare,1004,pw-1004
                """.formatted(PLAIN, KEYED, KEY2, TFTP_KEYED, KEY3, OTHER));
        write(dir, "layers/group/office.xml", """
                <flat-profile>
                  <Dial_Plan_1_>(*xx|[3469]11|0|00|[2-9]xxxxxx|1xxx[2-9]xxxxxxS0|xxxxxxxxxxxx.)</Dial_Plan_1_>
                </flat-profile>
                """);
        byte[] payload = "e2e firmware payload\n".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(dir.resolve("firmware"));
        Files.write(dir.resolve("firmware/" + FIRMWARE_FILE), FirmwareImage.make("spa2102", TARGET, payload));
        Files.write(dir.resolve("firmware/pap2t-9.9.9.bin"), FirmwareImage.make("pap2t", "9.9.9", payload));
        E2eSite site = new E2eSite(dir, ca,
                SpaprovServer.start(dir, SpaprovServer.Overrides.NONE.withDataDir(dir.resolve(".data")), clock));
        site.writePortLayers();
        return site;
    }

    /** The layers naming the bound ports; written after binding, then the site is reloaded. */
    private void writePortLayers() throws IOException {
        write(dir, "layers/bootstrap.xml", """
                <flat-profile>
                  <Profile_Rule>http://127.0.0.1:%d/spa$MA.cfg</Profile_Rule>
                  <Resync_Periodic>30</Resync_Periodic>
                </flat-profile>
                """.formatted(httpPort()));
        write(dir, "layers/global.xml", """
                <flat-profile>
                  <Profile_Rule>http://127.0.0.1:%d/spa$MA.cfg</Profile_Rule>
                  <Resync_Periodic>3600</Resync_Periodic>
                  <Resync_Random_Delay>0</Resync_Random_Delay>
                  <Display_Name_1_>{{ device.vars.station }}</Display_Name_1_>
                  <Proxy_1_>sip.example.net</Proxy_1_>
                  <User_ID_1_>{{ device.vars.sip_user }}</User_ID_1_>
                  <Password_1_ ua="na">{{ device.vars.sip_password }}</Password_1_>
                  <GPP_B ua="na">{{ device.key }}</GPP_B>
                </flat-profile>
                """.formatted(httpPort()));
        write(dir, "layers/model/spa2102.xml", """
                <flat-profile>
                  <Line_Enable_2_>No</Line_Enable_2_>
                </flat-profile>
                """);
        write(dir, "layers/device/" + KEYED + ".xml", """
                <flat-profile>
                  <Profile_Rule>https://localhost:%d/spa$MA.xml</Profile_Rule>
                  <GPP_SA ua="na">{{ device.key }}</GPP_SA>
                  <Profile_Rule_B>[--key $SA] http://127.0.0.1:%d/spa$MA.cfg</Profile_Rule_B>
                  <Upgrade_Rule>($SWVER ne %s)? tftp://127.0.0.1:%d/firmware/%s</Upgrade_Rule>
                </flat-profile>
                """.formatted(httpsPort(), httpPort(), TARGET, tftpPort(), FIRMWARE_FILE));
        write(dir, "layers/device/" + TFTP_KEYED + ".xml", """
                <flat-profile>
                  <Profile_Rule>[--key $B] tftp://127.0.0.1:%d/spa$MA.cfg</Profile_Rule>
                </flat-profile>
                """.formatted(tftpPort()));
        if (!core.reloadNow()) {
            throw new IllegalStateException("site does not load: " + core.siteError().orElse("?"));
        }
    }

    private static void write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    int tftpPort() {
        return port(server.tftpAddress());
    }

    int httpPort() {
        return port(server.httpAddress());
    }

    int httpsPort() {
        return port(server.httpsAddress());
    }

    private static int port(Optional<InetSocketAddress> a) {
        return a.map(InetSocketAddress::getPort).orElseThrow();
    }

    /** The device CA, which also signs the server certificate: what the emulated devices trust. */
    X509Certificate caCert() {
        return ca.certificate();
    }

    /** A client certificate for {@code mac} signed by the site's device CA. */
    synchronized ClientCredentials deviceCert(String mac, String serial) throws Exception {
        Issued i = deviceCerts.get(mac);
        if (i == null) {
            i = ca.issueDevice(mac, "SPA-2102", serial, KeyKind.EC_P256, Duration.ofDays(365));
            deviceCerts.put(mac, i);
        }
        return new ClientCredentials(List.of(i.certificate()), i.key());
    }

    /** The store's events (flushed first), oldest first. */
    List<ProvisionEvent> events(String mac) {
        core.store().flush();
        return core.store().events(Optional.of(mac), 1000).stream()
                .sorted(java.util.Comparator.comparing(ProvisionEvent::at)).toList();
    }

    /** Every recent event (firmware and bootstrap fetches name no device), oldest first. */
    List<ProvisionEvent> allEvents() {
        core.store().flush();
        return core.store().recentEvents(10_000).stream()
                .sorted(java.util.Comparator.comparing(ProvisionEvent::at)).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
