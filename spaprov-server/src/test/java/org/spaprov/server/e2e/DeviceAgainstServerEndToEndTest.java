package org.spaprov.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.e2e.E2eSite.FIRMWARE_FILE;
import static org.spaprov.server.e2e.E2eSite.KEYED;
import static org.spaprov.server.e2e.E2eSite.OTHER;
import static org.spaprov.server.e2e.E2eSite.PLAIN;
import static org.spaprov.server.e2e.E2eSite.TARGET;
import static org.spaprov.server.e2e.E2eSite.TFTP_KEYED;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.profile.Access;
import org.spaprov.server.store.ProvisionEvent;

/**
 * The device emulator against the real server, in one JVM on loopback ports picked at run time: TFTP
 * bootstrap to a per-device gzipped profile over HTTP, HTTPS with client certificates, profiles
 * encrypted with per-device keys over HTTP and TFTP, firmware upgrades over HTTP and TFTP from the
 * site's {@code firmware/}, and refusals. Devices run on a virtual clock: {@code advance} runs every
 * due device task on the test thread (downloads included), so nothing waits on wall time.
 */
class DeviceAgainstServerEndToEndTest {
    @TempDir
    static Path dir;
    static E2eSite site;

    @BeforeAll
    static void start() throws Exception {
        site = E2eSite.start(dir);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** A factory-fresh SPA2102 at firmware 5.2.12 trusting the site's CA, powered on at once. */
    private static Device device(String mac, String serial, VirtualScheduler clock, DeviceLog log,
            Optional<ClientCredentials> cert, Map<String, String> settings) throws Exception {
        Device.Builder b = Device.builder(new DeviceIdentity("spa2102", mac, serial, null, cert))
                .firmware("5.2.12").scheduler(clock).random(RandomGenerator.of("L64X128MixRandom"))
                .tls(new TlsSettings(List.of(site.caCert()), Optional.empty(), HostResolver.SYSTEM))
                .events(log).observer(log).set("Resync_Random_Delay", "0");
        settings.forEach(b::set);
        return b.build();
    }

    private static String tftp(String path) {
        return "tftp://127.0.0.1:" + site.tftpPort() + path;
    }

    private static String http(String path) {
        return "http://127.0.0.1:" + site.httpPort() + path;
    }

    private static String https(String path) {
        return "https://localhost:" + site.httpsPort() + path;
    }

    /** The device's requests as "protocol file status". */
    private static List<String> served(String mac) {
        return site.events(mac).stream().map(e -> e.protocol() + " " + e.file() + " " + e.status()).toList();
    }

    /** Every request from anyone (firmware and bootstrap names identify no device) as "protocol file status". */
    private static List<String> servedToAnyone() {
        return site.allEvents().stream().map(e -> e.protocol() + " " + e.file() + " " + e.status()).toList();
    }

    @Test
    void bootstrapsOverTftpThenTakesItsGzippedProfileOverHttpAndUpgradesFromTheSiteFirmware() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(PLAIN, "E2E0001", clock, log, Optional.empty(),
                Map.of("Profile_Rule", tftp("/spa$PSN.cfg")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        // the bootstrap profile (layers/bootstrap.xml) points the device at its own profile
        assertThat(log.lines()).containsExactly("boot spa2102 " + PLAIN + " 5.2.12",
                "resync-request " + tftp("/spa2102.cfg"), "resync-success", "reboot",
                "boot spa2102 " + PLAIN + " 5.2.12");
        assertThat(d.param("Profile_Rule")).isEqualTo(http("/spa$MA.cfg"));
        assertThat(d.param("Resync_Periodic")).isEqualTo("30");
        assertThat(d.param("Display_Name_1_")).isEmpty();

        // automatic resync (Resync_Periodic) fetches the per-device profile, then the upgrade follows
        log.clear();
        clock.advance(Duration.ofSeconds(30));

        assertThat(log.lines()).startsWith("resync-request " + http("/spa" + PLAIN + ".cfg"), "resync-success",
                "reboot", "boot spa2102 " + PLAIN + " 5.2.12");
        assertThat(log.lines()).contains("upgrade-request http://127.0.0.1:" + site.httpPort() + "/firmware/"
                + FIRMWARE_FILE, "upgrade-success " + TARGET, "boot spa2102 " + PLAIN + " " + TARGET);
        assertThat(log.lines().getLast()).isEqualTo("resync-success");
        assertThat(d.firmwareVersion()).isEqualTo(TARGET);
        assertThat(d.param("Display_Name_1_")).isEqualTo("Reception");
        assertThat(d.param("User_ID_1_")).isEqualTo("1001");
        // Plain HTTP, no key: the SIP password is withheld and the device keeps its own (empty) value.
        assertThat(d.param("Password_1_")).isEmpty();
        assertThat(d.runningConfig().get("GPP_B").orElseThrow().access()).isEqualTo(Access.NA);
        assertThat(d.param("Dial_Plan_1_")).startsWith("(*xx|[3469]11");
        assertThat(d.param("Line_Enable_2_")).isEqualTo("No");
        assertThat(d.param("Resync_Periodic")).isEqualTo("3600");

        assertThat(served(PLAIN)).contains("http /spa" + PLAIN + ".cfg 200");
        assertThat(servedToAnyone()).contains("tftp /spa2102.cfg 200", "http /firmware/" + FIRMWARE_FILE + " 200");
        assertThat(site.events(PLAIN)).filteredOn(e -> e.file().endsWith(PLAIN + ".cfg"))
                .extracting(ProvisionEvent::reason).contains("served gzip, secrets withheld");
        assertThat(site.core.store().lastContact(PLAIN)).hasValueSatisfying(c -> {
            assertThat(c.userAgent()).hasValue("Linksys/SPA-2102-" + TARGET + " (E2E0001)");
            assertThat(c.firmware()).hasValue(TARGET);
        });
    }

    /**
     * The generated {@code Upgrade_Rule} names the server's own address (not {@code $SERV}, which is empty
     * right after the reboot that applies a profile), so the upgrade attempt at that boot succeeds.
     */
    @Test
    void theUpgradeAtTheBootAfterTheProfileResyncFindsTheFirmwareServer() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(PLAIN, "E2E0001", clock, log, Optional.empty(), Map.of("Profile_Rule", http("/spa$MA.cfg")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).noneMatch(l -> l.startsWith("upgrade-failure"));
        assertThat(d.firmwareVersion()).isEqualTo(TARGET);
    }

    @Test
    void takesItsKeyOverHttpsWithItsCertificateThenTheEncryptedProfileOverHttpAndUpgradesOverTftp()
            throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(KEYED, "E2E0002", clock, log, Optional.of(site.deviceCert(KEYED, "E2E0002")),
                Map.of("Profile_Rule", https("/spa$MA.xml")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).startsWith("boot spa2102 " + KEYED + " 5.2.12",
                "resync-request " + https("/spa" + KEYED + ".xml"),
                "resync-request " + http("/spa" + KEYED + ".cfg"), "resync-success", "reboot",
                "boot spa2102 " + KEYED + " 5.2.12",
                "upgrade-request " + tftp("/firmware/" + FIRMWARE_FILE), "upgrade-success " + TARGET, "reboot",
                "boot spa2102 " + KEYED + " " + TARGET);
        assertThat(log.lines().getLast()).isEqualTo("resync-success");
        assertThat(d.firmwareVersion()).isEqualTo(TARGET);
        assertThat(d.param("GPP_SA")).isEqualTo(E2eSite.KEY2);
        assertThat(d.param("Display_Name_1_")).isEqualTo("Sales");
        assertThat(d.param("Password_1_")).isEqualTo("pw-1002");
        assertThat(d.variables().getOrEmpty("CCERT")).isEqualTo("Installed");

        assertThat(served(KEYED)).contains("https /spa" + KEYED + ".xml 200", "http /spa" + KEYED + ".cfg 200");
        assertThat(servedToAnyone()).contains("tftp /firmware/" + FIRMWARE_FILE + " 200");
        assertThat(site.events(KEYED)).filteredOn(e -> e.file().endsWith(KEYED + ".cfg"))
                .extracting(ProvisionEvent::reason).contains("served gzip encrypted");
    }

    @Test
    void takesItsEncryptedProfileOverTftpWithTheKeyInGppB() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(TFTP_KEYED, "E2E0003", clock, log, Optional.empty(),
                Map.of("GPP_B", E2eSite.KEY3, "Profile_Rule", "[--key $B] " + tftp("/spa$MA.cfg")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).startsWith("boot spa2102 " + TFTP_KEYED + " 5.2.12",
                "resync-request " + tftp("/spa" + TFTP_KEYED + ".cfg"), "resync-success", "reboot");
        assertThat(d.param("Display_Name_1_")).isEqualTo("Lab");
        assertThat(d.param("GPP_B")).isEqualTo(E2eSite.KEY3);
        assertThat(d.firmwareVersion()).isEqualTo(TARGET);
        assertThat(site.events(TFTP_KEYED)).filteredOn(e -> e.protocol().equals("tftp") && e.status() == 200)
                .extracting(ProvisionEvent::reason).contains("served gzip encrypted");
    }

    @Test
    void aWrongKeyFailsTheResyncWithDecryptFailedAndChangesNothing() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(TFTP_KEYED, "E2E0003", clock, log, Optional.empty(),
                Map.of("GPP_B", "not-the-key", "Profile_Rule", "[--key $B] " + http("/spa$MA.cfg")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).containsExactly("boot spa2102 " + TFTP_KEYED + " 5.2.12",
                "resync-request " + http("/spa" + TFTP_KEYED + ".cfg"), "resync-failure: decrypt failed");
        assertThat(d.variables().getOrEmpty("ERR")).isEqualTo("decrypt failed");
        assertThat(d.param("Display_Name_1_")).isEmpty();
        assertThat(d.firmwareVersion()).isEqualTo("5.2.12");
    }

    @Test
    void aCertificateForOneMacAskingForAnothersProfileIsRefused() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device(OTHER, "E2E0004", clock, log, Optional.of(site.deviceCert(OTHER, "E2E0004")),
                Map.of("Profile_Rule", https("/spa" + PLAIN + ".xml")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).containsExactly("boot spa2102 " + OTHER + " 5.2.12",
                "resync-request " + https("/spa" + PLAIN + ".xml"), "resync-failure: https_get failed");
        assertThat(d.param("Display_Name_1_")).isEmpty();
        assertThat(d.param("Password_1_")).isEmpty();
        assertThat(site.events(OTHER)).anySatisfy(e -> {
            assertThat(e.protocol()).isEqualTo("https");
            assertThat(e.file()).isEqualTo("/spa" + PLAIN + ".xml");
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.reason()).contains("client certificate of " + OTHER, PLAIN);
        });
    }

    @Test
    void anUnknownDeviceGetsFileNotFound() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        String unknown = "000e08e2e0ff";
        Device d = device(unknown, null, clock, log, Optional.empty(), Map.of("Profile_Rule", http("/spa$MA.cfg")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).containsExactly("boot spa2102 " + unknown + " 5.2.12",
                "resync-request " + http("/spa" + unknown + ".cfg"), "resync-failure: file not found");
        assertThat(served(unknown)).containsExactly("http /spa" + unknown + ".cfg 404");
    }

    @Test
    void aWrongModelImageFailsTheUpgradeAndKeepsTheRunningVersion() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        Device d = device("000e08e2e0fe", null, clock, log, Optional.empty(),
                Map.of("Provision_Enable", "No", "Upgrade_Rule", http("/firmware/pap2t-9.9.9.bin")));

        d.powerOn();
        clock.advance(Duration.ZERO);

        assertThat(log.lines()).containsExactly("boot spa2102 000e08e2e0fe 5.2.12",
                "upgrade-request " + http("/firmware/pap2t-9.9.9.bin"), "upgrade-failure: wrong model");
        assertThat(d.firmwareVersion()).isEqualTo("5.2.12");
        assertThat(d.variables().getOrEmpty("UPGERR")).isEqualTo("wrong model");
    }
}
