package org.spaprov.device.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.Pem;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.profile.firmware.FirmwareImage;

/**
 * End-to-end against servers we did not write: tftpd-hpa, nginx (HTTP, HTTPS with
 * {@code ssl_verify_client on}), profiles made by the real openssl and gzip.
 */
class RealPeersTest {
    @TempDir
    static Path tmp;
    static Path www;
    static Process tftpd;
    static Process nginx;
    static int tftpPort;
    static int httpPort;
    static int httpsPort;
    static int badCnPort;
    static TestPki pki;
    static ClientCredentials deviceCert;
    static RealTimeScheduler clock;

    @BeforeAll
    static void start() throws Exception {
        Peers.assumeBinary(Peers.TFTPD);
        Peers.assumeBinary(Peers.NGINX);
        www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("spa2102.cfg"), xml("GPP_A", "from-tftp") );
        StringBuilder big = new StringBuilder("<flat-profile>\n");
        for (int i = 0; i < 400; i++) {
            big.append("<GPP_P>padding padding padding padding ").append(i).append("</GPP_P>\n");
        }
        big.append("<GPP_B>big-last</GPP_B>\n</flat-profile>\n");
        Files.writeString(www.resolve("big.xml"), big);
        Files.writeString(www.resolve("plain.xml"), xml("GPP_C", "plain-http", "User_ID_1_", "4085551234"));
        Files.writeString(www.resolve("secret.xml"), xml("GPP_D", "decrypted"));
        Peers.run(www, "/usr/bin/gzip", "-k", "secret.xml");
        Peers.run(www, "/usr/bin/openssl", "enc", "-e", "-aes-256-cbc", "-md", "md5", "-k", "Pa55 phrase",
                "-in", "secret.xml.gz", "-out", "secret.cfg");
        Files.writeString(www.resolve("tls.xml"), xml("GPP_E", "over-mtls"));
        Files.write(www.resolve("fw-5.3.0.bin"), FirmwareImage.make("spa2102", "5.3.0", new byte[20000]));

        pki = new TestPki("spaprov test CA");
        Path[] server = pki.issue("CN=localhost").write(tmp, "server");
        Path[] wrongCn = pki.issue("CN=wrong.example", "localhost").write(tmp, "wrongcn");
        Path ca = pki.ca().write(tmp, "ca")[0];
        Path[] dev = pki.issue("CN=000e08aabbcc, OU=SPA2102, L=SN0E08AABBCC, ST=000e08aabbcc").write(tmp, "device");
        deviceCert = new ClientCredentials(Pem.certificates(dev[0]), Pem.privateKey(dev[1]));

        tftpPort = Peers.freeUdpPort();
        tftpd = Peers.tftpd(www, tftpPort);
        httpPort = Peers.freeTcpPort();
        httpsPort = Peers.freeTcpPort();
        badCnPort = Peers.freeTcpPort();
        String tls = " ssl_client_certificate " + ca + "; ssl_verify_client on; root " + www + "; }\n";
        nginx = Peers.nginx(tmp.resolve("nginx"),
                "server { listen 127.0.0.1:" + httpPort + "; root " + www + ";\n"
                        + "  location = /echo { return 200 '<flat-profile><GPP_F>$request_method $http_user_agent</GPP_F></flat-profile>'; } }\n"
                        + "server { listen 127.0.0.1:" + httpsPort + " ssl; ssl_certificate " + server[0]
                        + "; ssl_certificate_key " + server[1] + ";" + tls
                        + "server { listen 127.0.0.1:" + badCnPort + " ssl; ssl_certificate " + wrongCn[0]
                        + "; ssl_certificate_key " + wrongCn[1] + ";" + tls,
                List.of(httpPort, httpsPort, badCnPort));
        clock = new RealTimeScheduler();
    }

    @AfterAll
    static void stop() {
        Peers.stop(tftpd);
        Peers.stop(nginx);
        if (clock != null) {
            clock.close();
        }
    }

    static String xml(String... kv) {
        StringBuilder b = new StringBuilder("<flat-profile>\n");
        for (int i = 0; i < kv.length; i += 2) {
            b.append("  <").append(kv[i]).append('>').append(kv[i + 1]).append("</").append(kv[i]).append(">\n");
        }
        return b.append("</flat-profile>\n").toString();
    }

    private Device device(Recorder r, Optional<ClientCredentials> cert, Map<String, String> set) throws Exception {
        DeviceIdentity id = new DeviceIdentity("spa2102", "000e08aabbcc", null, null, cert);
        Device.Builder b = Device.builder(id).scheduler(clock).events(r).observer(r)
                .tls(new TlsSettings(List.of(pki.ca().cert()), cert, HostResolver.SYSTEM))
                .fetchSettings(new FetchSettings(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10),
                        java.time.Duration.ofMillis(500), 4, 1428))
                .dhcpTftpServer("127.0.0.1").set("Resync_Random_Delay", "0").set("Resync_Periodic", "0")
                .set("Resync_Error_Retry_Delay", "0");
        set.forEach(b::set);
        return b.build();
    }

    private String resync(Device d, Recorder r) throws Exception {
        d.powerOn();
        return r.resync.get(30, TimeUnit.SECONDS);
    }

    @Test
    void tftpMultiBlockAndFileNotFound() throws Exception {
        Recorder r = new Recorder();
        Device d = device(r, Optional.empty(), Map.of("Profile_Rule", "127.0.0.1:" + tftpPort + "/spa$PSN.cfg",
                "Profile_Rule_B", "tftp://127.0.0.1:" + tftpPort + "/big.xml"));
        assertThat(resync(d, r)).isEmpty();
        assertThat(d.param("GPP_A")).isEqualTo("from-tftp");
        assertThat(d.param("GPP_B")).isEqualTo("big-last");
        assertThat(r.lines).contains("resync-request tftp://127.0.0.1:" + tftpPort + "/spa2102.cfg");

        Recorder r2 = new Recorder();
        Device e = device(r2, Optional.empty(), Map.of("Profile_Rule", "127.0.0.1:" + tftpPort + "/missing.cfg"));
        assertThat(resync(e, r2)).isEqualTo("file not found");
        Recorder r3 = new Recorder();
        Device f = device(r3, Optional.empty(), Map.of("Profile_Rule", "127.0.0.1:" + tftpPort + "/missing.cfg",
                "Resync_Fails_On_FNF", "No"));
        assertThat(resync(f, r3)).isEmpty();
    }

    @Test
    void httpGetPostUserAgentAndEncryptedGzip() throws Exception {
        Recorder r = new Recorder();
        Device d = device(r, Optional.empty(), Map.of(
                "Profile_Rule", "http://localhost:" + httpPort + "/plain.xml",
                "Profile_Rule_B", "[--post g] http://127.0.0.1:" + httpPort + "/echo",
                "Profile_Rule_C", "[--key $SA] http://127.0.0.1:" + httpPort + "/secret.cfg",
                "GPP_SA", "Pa55 phrase", "GPP_G", "mac=$MA"));
        assertThat(resync(d, r)).isEmpty();
        assertThat(d.param("GPP_C")).isEqualTo("plain-http");
        assertThat(d.param("GPP_F")).isEqualTo("POST Linksys/SPA-2102-5.2.12 (SN0E08AABBCC)");
        assertThat(d.param("GPP_D")).isEqualTo("decrypted");
        assertThat(r.vars.get(0).getOrEmpty("SERVIP")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void wrongKeyAnd404() throws Exception {
        Recorder r = new Recorder();
        Device d = device(r, Optional.empty(), Map.of("Profile_Rule",
                "[--key wrong] http://127.0.0.1:" + httpPort + "/secret.cfg", "GPP_A", "before"));
        assertThat(resync(d, r)).isEqualTo("decrypt failed");
        assertThat(d.param("GPP_A")).isEqualTo("before");
        Recorder r2 = new Recorder();
        Device e = device(r2, Optional.empty(), Map.of("Profile_Rule", "http://127.0.0.1:" + httpPort + "/nope.xml"));
        assertThat(resync(e, r2)).isEqualTo("file not found");
        Recorder r3 = new Recorder();
        Device f = device(r3, Optional.empty(), Map.of("Profile_Rule", "http://127.0.0.1:" + Peers.freeTcpPort() + "/x"));
        assertThat(resync(f, r3)).isEqualTo("connect failed");
        Recorder r4 = new Recorder();
        Device g = device(r4, Optional.empty(), Map.of("Profile_Rule", "http://no-such-host.invalid/x"));
        assertThat(resync(g, r4)).isEqualTo("dns lookup failed");
    }

    @Test
    void aMultiplyResolvedNameFallsThroughToTheAddressThatAnswers() throws Exception {
        Recorder r = new Recorder();
        HostResolver twoAnswers = h -> h.equals("multi.test")
                ? List.of(java.net.InetAddress.getByName("127.0.0.2"), java.net.InetAddress.getByName("127.0.0.1"))
                : HostResolver.SYSTEM.resolve(h);
        Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).events(r).observer(r)
                .resolver(twoAnswers).set("Resync_Random_Delay", "0").set("Resync_Periodic", "0")
                .set("Profile_Rule", "http://multi.test:" + httpPort + "/plain.xml").build();
        assertThat(resync(d, r)).isEmpty();
        assertThat(d.param("GPP_C")).isEqualTo("plain-http");
    }

    @Test
    void httpsWithClientCertificateAndTheCnRules() throws Exception {
        Recorder r = new Recorder();
        Device d = device(r, Optional.of(deviceCert), Map.of("Profile_Rule", "https://localhost:" + httpsPort + "/tls.xml"));
        assertThat(resync(d, r)).isEmpty();
        assertThat(d.param("GPP_E")).isEqualTo("over-mtls");
        assertThat(d.variables().getOrEmpty("CCERT")).isEqualTo("Installed");

        // IP literal URL: the CN host (localhost) must resolve to it
        Recorder r2 = new Recorder();
        Device e = device(r2, Optional.of(deviceCert), Map.of("Profile_Rule", "https://127.0.0.1:" + httpsPort + "/tls.xml"));
        assertThat(resync(e, r2)).isEmpty();

        // a SAN for localhost does not help when the CN names another host
        Recorder r3 = new Recorder();
        Device f = device(r3, Optional.of(deviceCert), Map.of("Profile_Rule", "https://localhost:" + badCnPort + "/tls.xml"));
        assertThat(resync(f, r3)).isEqualTo("https_get failed");

        // no client certificate: nginx refuses
        Recorder r4 = new Recorder();
        Device g = device(r4, Optional.empty(), Map.of("Profile_Rule", "https://localhost:" + httpsPort + "/tls.xml"));
        assertThat(resync(g, r4)).isEqualTo("https_get failed");
    }

    @Test
    void firmwareUpgradeOverTftpAndHttpButNotHttps() throws Exception {
        Recorder r = new Recorder();
        Device d = device(r, Optional.empty(), Map.of("Profile_Rule", "", "Resync_On_Reset", "No",
                "Upgrade_Rule", "($SWVER lt 5.3.0)? tftp://127.0.0.1:" + tftpPort + "/fw-5.3.0.bin",
                "Resync_After_Upgrade_Attempt", "No"));
        d.powerOn();
        assertThat(r.upgrade.get(30, TimeUnit.SECONDS)).isEqualTo("ok 5.3.0");
        assertThat(d.firmwareVersion()).isEqualTo("5.3.0");
        assertThat(r.lines).containsSubsequence("upgrade-request tftp://127.0.0.1:" + tftpPort + "/fw-5.3.0.bin",
                "upgrade-success 5.3.0", "reboot", "boot spa2102 000e08aabbcc 5.3.0");

        Recorder r2 = new Recorder();
        Device e = device(r2, Optional.of(deviceCert), Map.of("Resync_On_Reset", "No", "Upgrade_Error_Retry_Delay", "0",
                "Resync_After_Upgrade_Attempt", "No"));
        e.upgradeNow("https://localhost:" + httpsPort + "/fw-5.3.0.bin", "");
        assertThat(r2.upgrade.get(30, TimeUnit.SECONDS)).isEqualTo("https not supported for upgrade");
        Recorder r3 = new Recorder();
        Device f = device(r3, Optional.empty(), Map.of("Resync_On_Reset", "No", "Resync_After_Upgrade_Attempt", "No"));
        f.upgradeNow("http://127.0.0.1:" + httpPort + "/fw-5.3.0.bin", "");
        assertThat(r3.upgrade.get(30, TimeUnit.SECONDS)).isEqualTo("ok 5.3.0");
        assertThat(Files.readString(www.resolve("spa2102.cfg"), StandardCharsets.UTF_8)).contains("from-tftp");
    }
}
