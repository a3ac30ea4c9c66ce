package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.provision.TestSite.A;
import static org.spaprov.server.provision.TestSite.B;
import static org.spaprov.server.provision.TestSite.text;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.profile.Profile;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.server.store.ProvisionEvent;

class ProvisionChainTest {
    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void setUp() throws Exception {
        site = new TestSite(dir);
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static Profile xml(ProvisionResult r) throws Exception {
        return XmlProfileReader.read(r.body(), "served");
    }

    @Test
    void layersApplyGlobalModelGroupsInOrderThenDevice() throws Exception {
        site.open();
        ProvisionResult r = site.get(Protocol.HTTP, "/spa" + A + ".xml");
        assertThat(r.status()).as(r.reason()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/xml");
        Profile p = xml(r);
        assertThat(p.value("Station_Name")).isEqualTo("night");      // groups in csv order: office, then night
        assertThat(p.value("Resync_Periodic")).isEqualTo("600");     // device layer last
        assertThat(p.value("Line_Enable_2_")).isEqualTo("Yes");      // model layer
        assertThat(p.value("Profile_Rule")).isEqualTo("http://prov.example.net/spa$MA.cfg");
        assertThat(r.deviceMac()).contains(A);
    }

    @Test
    void pebblePlaceholdersAreRenderedAndDeviceMacrosLeftAlone() throws Exception {
        site.write("spaprov.yaml", "security: {plain-secrets: allow}\n");   // to see the secret rendered
        site.open();
        Profile p = xml(site.get(Protocol.HTTP, "/spa" + A + ".xml"));
        assertThat(p.value("Display_Name_1_")).isEqualTo("Alice ($MA)");
        assertThat(p.value("Password_1_")).isEqualTo("pw-alice-123");
    }

    @Test
    void missingVariableIsA500NamingFileAndLineButNotTheValue() throws Exception {
        // devices.csv is checked whole at start (SiteCheckTest); a device added through the API is not.
        site.open();
        String c = "000e08000003";
        site.core.store().putDevice(new org.spaprov.server.device.DeviceRecord(c, "spa2102", Optional.empty(),
                java.util.List.of("office"), Optional.empty(), java.util.Map.of(), org.spaprov.server.device.DeviceRecord.Source.API));
        ProvisionResult r = site.get(Protocol.HTTP, "/spa" + c + ".xml");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("build: layers/global.xml:5: error: Display_Name_1_: placeholder variable"
                + " 'name' is not defined for this device");
        site.core.store().flush();
        assertThat(site.core.store().events(Optional.of(c), 1)).singleElement()
                .extracting(ProvisionEvent::reason).asString().contains("layers/global.xml:5");
    }

    @Test
    void namingPatternsFindTheDevice() throws Exception {
        site.open();
        assertThat(site.get(Protocol.TFTP, "spa" + A + ".xml").status()).isEqualTo(200);
        assertThat(site.get(Protocol.TFTP, "/spa" + A.toUpperCase() + ".cfg").status()).isEqualTo(200);
        assertThat(site.get(Protocol.HTTP, "/profiles/" + A + ".xml").status()).isEqualTo(200);
        assertThat(site.get(Protocol.HTTP, "/cgi/prov?mac=00:0E:08:00:00:01").deviceMac()).contains(A);
        assertThat(site.get(Protocol.HTTP, "/cgi/prov?x=1").status()).isEqualTo(404);
        assertThat(site.get(Protocol.HTTP, "/other" + A + ".txt").status()).isEqualTo(404);
        ProvisionResult boot = site.get(Protocol.TFTP, "spa2102.cfg");
        assertThat(boot.status()).isEqualTo(200);
        assertThat(xml(boot).effective()).containsOnlyKeys("Profile_Rule");
    }

    @Test
    void customPatternsFromTheSite() throws Exception {
        site.write("spaprov.yaml", "naming: {profiles: [\"cpe/Linksys$MA.cfg\"], plain: [], bootstrap: [init.cfg]}\n");
        site.open();
        assertThat(site.get(Protocol.TFTP, "cpe/Linksys" + A + ".cfg").status()).isEqualTo(200);
        assertThat(site.get(Protocol.TFTP, "spa" + A + ".cfg").status()).isEqualTo(404);
        assertThat(site.get(Protocol.TFTP, "init.cfg").status()).isEqualTo(200);
    }

    @Test
    void hostilePathsAreRefused() throws Exception {
        site.open();
        assertThat(site.get(Protocol.TFTP, "../spaprov.yaml").status()).isEqualTo(403);
        assertThat(site.get(Protocol.TFTP, "//etc/passwd").status()).isEqualTo(403);
        assertThat(site.get(Protocol.HTTP, "/firmware/..%2f..%2fdevices.csv").status()).isEqualTo(403);
        assertThat(site.get(Protocol.HTTP, "/" + "a".repeat(300) + ".cfg").status()).isEqualTo(403);
        assertThat(site.get(Protocol.TFTP, "spa\u0000" + A + ".xml").status()).isEqualTo(403);
        assertThat(site.get(Protocol.HTTP, "/spa" + A + ".xml").status()).isEqualTo(200);
    }

    @Test
    void unknownDeviceIsDeniedByDefault() throws Exception {
        site.open();
        ProvisionResult r = site.get(Protocol.HTTP, "/spa0000000000ff.xml");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("unknown device");
    }

    @Test
    void bootstrapOnlyServesTheBootstrapProfile() throws Exception {
        site.write("spaprov.yaml", "devices: {unknown: bootstrap-only}\n");
        site.open();
        ProvisionResult r = site.get(Protocol.HTTP, "/spa0000000000ff.cfg");
        assertThat(r.status()).isEqualTo(200);
        assertThat(xml(r).effective()).containsOnlyKeys("Profile_Rule");
    }

    @Test
    void autoAddTakesTheModelFromTheUserAgent() throws Exception {
        site.write("spaprov.yaml", "devices: {unknown: auto-add}\n");
        site.write("layers/global.xml", "<flat-profile><Display_Name_2_>{{ device.serial }}</Display_Name_2_></flat-profile>\n");
        site.open();
        ProvisionRequest noUa = ProvisionRequest.of(Protocol.TFTP, "spa0000000000ff.cfg",
                new java.net.InetSocketAddress("127.0.0.1", 1));
        assertThat(site.get(noUa).status()).isEqualTo(404);
        ProvisionResult r = site.get(noUa.withUserAgent("Linksys/SPA-2102-5.1.10 (FM0001)"));
        assertThat(r.status()).as(r.reason()).isEqualTo(200);
        assertThat(xml(r).value("Display_Name_2_")).isEqualTo("FM0001");
        assertThat(site.core.store().device("0000000000ff")).get()
                .satisfies(d -> assertThat(d.model()).isEqualTo("spa2102"));
        site.core.store().flush();
        assertThat(site.core.store().lastContact("0000000000ff")).get()
                .satisfies(c -> assertThat(c.firmware()).contains("5.1.10"));
    }

    @Test
    void keyedDeviceGetsPlainXmlOnlyOverHttps() throws Exception {
        site.open();
        ProvisionResult http = site.get(Protocol.HTTP, "/spa" + B + ".xml");
        assertThat(http.status()).isEqualTo(403);
        assertThat(http.reason()).contains("only over HTTPS");
        ProvisionResult https = site.get(Protocol.HTTPS, "/spa" + B + ".xml");
        assertThat(https.status()).isEqualTo(200);
        assertThat(text(https)).contains("<flat-profile>");
        ProvisionResult cfg = site.get(Protocol.HTTP, "/spa" + B + ".cfg");
        assertThat(cfg.status()).isEqualTo(200);
        assertThat(new String(cfg.body(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Salted__");
    }

    @Test
    void everyRequestIsAnEventAndSecretsNeverAppear() throws Exception {
        site.open();
        site.get(Protocol.HTTP, "/spa" + A + ".xml");
        site.get(Protocol.HTTP, "/spa" + B + ".cfg");
        site.get(Protocol.TFTP, "../x");
        site.core.store().flush();
        var events = site.core.store().recentEvents(10);
        assertThat(events).hasSize(3);
        assertThat(events).extracting(ProvisionEvent::status).containsExactly(403, 200, 200);
        assertThat(events.get(1).reason()).isEqualTo("served encrypted");
        assertThat(events.get(1).bytes()).isPositive();
        assertThat(events.toString()).doesNotContain("pw-alice-123", "pw-bob-456", TestSite.KEY);
    }

    @Test
    void invalidProfileIsNotServedAndTheEventSaysWhy() throws Exception {
        // A device added through the API (devices.csv devices are checked at start, SiteCheckTest).
        String c = "000e08000003";
        site.write("layers/device/" + c + ".xml", "<flat-profile>\n<Resync_Periodic>soon</Resync_Periodic>\n</flat-profile>\n");
        site.open();
        site.core.store().putDevice(new org.spaprov.server.device.DeviceRecord(c, "spa2102", Optional.empty(),
                java.util.List.of(), Optional.empty(), java.util.Map.of("name", "C", "sip_password", "pw-c"),
                org.spaprov.server.device.DeviceRecord.Source.API));
        ProvisionResult r = site.get(Protocol.HTTP, "/spa" + c + ".xml");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).isEmpty();
        assertThat(r.reason()).startsWith("invalid profile: layers/device/" + c + ".xml:2:");
        assertThat(site.get(Protocol.HTTP, "/spa" + B + ".cfg").status()).isEqualTo(200);
        site.core.store().flush();
        assertThat(site.core.store().events(Optional.of(c), 1)).singleElement()
                .extracting(ProvisionEvent::reason).asString().startsWith("invalid profile: layers/device/");
    }

    @Test
    void catalogDefaultsFillEveryParameterNotSetByALayer() throws Exception {
        site.open();
        Profile p = xml(site.get(Protocol.HTTP, "/spa" + A + ".xml"));
        org.spaprov.profile.catalog.Catalog c = org.spaprov.profile.catalog.Catalogs.get("spa2102");
        assertThat(p.effective().keySet()).containsAll(c.defaults().effective().keySet().stream()
                .filter(n -> !org.spaprov.profile.catalog.Catalogs.isSecret(n)).toList());
        assertThat(p.effective().keySet()).as("plain HTTP: secrets withheld").noneMatch(org.spaprov.profile.catalog.Catalogs::isSecret);
        String untouched = c.defaults().effective().keySet().stream()
                .filter(n -> !java.util.Set.of("Station_Name", "Resync_Periodic", "Profile_Rule", "Display_Name_1_",
                        "Password_1_", "Line_Enable_2_").contains(n) && c.defaults().value(n) != null
                        && !c.defaults().value(n).isEmpty())
                .findFirst().orElseThrow();
        assertThat(p.value(untouched)).isEqualTo(c.defaults().value(untouched));
    }

    @Test
    void deviceMacroFormsPassThroughAndABrokenPlaceholderIsASiteError() throws Exception {
        site.write("layers/device/" + B + ".xml", "<flat-profile>\n<Profile_Rule_B>http://p/$(MAU)/{{ device.mac }}.cfg"
                + "</Profile_Rule_B>\n</flat-profile>\n");
        site.open();
        assertThat(xml(site.get(Protocol.HTTPS, "/spa" + B + ".xml")).value("Profile_Rule_B"))
                .isEqualTo("http://p/$(MAU)/" + B + ".cfg");
        site.write("layers/device/" + B + ".xml", "<flat-profile>\n\n<Station_Name>{{ device.mac </Station_Name>\n</flat-profile>\n");
        assertThat(site.core.reloadNow()).isFalse();
        assertThat(site.core.siteError()).get().asString()
                .startsWith("layers/device/" + B + ".xml:3: error: Station_Name: bad placeholder:");
    }
}
