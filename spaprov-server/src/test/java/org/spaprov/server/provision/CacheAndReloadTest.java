package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.provision.TestSite.A;
import static org.spaprov.server.provision.TestSite.B;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.firmware.FirmwareImage;

class CacheAndReloadTest {
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

    private ProvisionResult get(String path, String ifNoneMatch) {
        return site.get(ProvisionRequest.of(Protocol.HTTP, path, new InetSocketAddress("127.0.0.1", 1))
                .withIfNoneMatch(ifNoneMatch));
    }

    @Test
    void etagIsStableAndIfNoneMatchGives304() throws Exception {
        site.open();
        ProvisionResult first = get("/spa" + B + ".cfg", null);
        ProvisionResult again = get("/spa" + B + ".cfg", null);
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.body()).isSameAs(first.body());         // cached, not re-encrypted
        ProvisionResult cond = get("/spa" + B + ".cfg", first.etag());
        assertThat(cond.status()).isEqualTo(304);
        assertThat(cond.body()).isEmpty();
        assertThat(get("/spa" + B + ".cfg", "\"other\", " + first.etag()).status()).isEqualTo(304);
        assertThat(get("/spa" + B + ".cfg", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void changingAnInputChangesTheEtagAndAnUnrelatedChangeDoesNot() throws Exception {
        site.open();
        String a1 = get("/spa" + A + ".xml", null).etag();
        String b1 = get("/spa" + B + ".cfg", null).etag();
        site.write("layers/group/night.xml", "<flat-profile><Station_Name>late</Station_Name></flat-profile>\n");
        assertThat(site.core.reloadNow()).isTrue();
        ProvisionResult a2 = get("/spa" + A + ".xml", a1);
        assertThat(a2.status()).isEqualTo(200);
        assertThat(a2.etag()).isNotEqualTo(a1);
        assertThat(TestSite.text(a2)).containsPattern("<Station_Name[^>]*>late</Station_Name>");
        // B is not in the night group: same ETag, still 304.
        assertThat(get("/spa" + B + ".cfg", b1).status()).isEqualTo(304);
    }

    @Test
    void brokenSiteFileIsReportedAndTheLastGoodSiteKeepsServing() throws Exception {
        site.open();
        String before = TestSite.text(get("/spa" + A + ".xml", null));
        site.write("layers/group/office.xml", "<flat-profile>\n<Station_Name>x</Station_Name>\n<Oops>\n</flat-profile>\n");
        assertThat(site.core.reloadNow()).isFalse();
        assertThat(site.core.siteError()).get().asString().startsWith("layers/group/office.xml:4:");
        assertThat(TestSite.text(get("/spa" + A + ".xml", null))).isEqualTo(before);
        site.write("devices.csv", "mac,model\nzz,spa2102\n");
        site.write("layers/group/office.xml", "<flat-profile/>\n");
        assertThat(site.core.reloadNow()).isFalse();
        assertThat(site.core.siteError()).get().asString().startsWith("devices.csv:2: error:");
    }

    @Test
    void aBrokenSiteAtStartIsAnError() throws Exception {
        site.write("layers/model/spa2102.xml", "<flat-profile><A>1</B></flat-profile>");
        org.assertj.core.api.Assertions.assertThatThrownBy(site::open)
                .hasMessageStartingWith("layers/model/spa2102.xml:1:");
    }

    @Test
    void firmwareIsServedWithEtagAndTheUpgradeRuleNamesTheBoundPortAndServForAWildcardBind() throws Exception {
        byte[] image = FirmwareImage.make("spa2102", "5.2.12", new byte[5000]);
        Files.createDirectories(dir.resolve("firmware"));
        Files.write(dir.resolve("firmware/spa2102-5.2.12.bin"), image);
        site.write("spaprov.yaml", "firmware: {spa2102: 5.2.12}\n");
        site.open(new BoundPorts(6969, 18080, 18443));
        ProvisionResult fw = get("/firmware/spa2102-5.2.12.bin", null);
        assertThat(fw.status()).isEqualTo(200);
        assertThat(fw.body()).isEqualTo(image);
        assertThat(get("/firmware/spa2102-5.2.12.bin", fw.etag()).status()).isEqualTo(304);
        assertThat(get("/firmware/nothing.bin", null).status()).isEqualTo(404);
        assertThat(TestSite.text(get("/spa" + A + ".xml", null)))
                .containsPattern("<Upgrade_Rule[^>]*>\\(\\$SWVER ne 5\\.2\\.12\\)\\? http://\\$SERV:18080/firmware/spa2102-5\\.2\\.12\\.bin</Upgrade_Rule>");
    }

    @Test
    void firmwareTargetWithoutImageIsASiteError() throws Exception {
        site.write("spaprov.yaml", "firmware: {spa2102: 9.9.9}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(site::open)
                .hasMessageContaining("firmware.spa2102: no image of version 9.9.9");
    }

    @Test
    void symlinkOutOfTheSiteIsRefused(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("evil.xml"), "<flat-profile/>");
        Files.createSymbolicLink(dir.resolve("layers/group/evil.xml"), outside.resolve("evil.xml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(site::open)
                .hasMessageContaining("layers/group/evil.xml: error: leads out of the site");
    }

    @Test
    void reportsAreStoredForKnownDevicesOnly() throws Exception {
        site.open();
        var sink = site.core.reportSink();
        var from = new InetSocketAddress("127.0.0.1", 1);
        // Encrypted with B's key: authenticated for B (SecretsPolicyTest has the rest of that rule).
        assertThat(sink.accept(ProvisionRequest.of(Protocol.TFTP, "rep" + B + ".xml", from),
                ProfileCodec.encode("<flat-profile/>".getBytes(), false, TestSite.KEY, Digest.MD5))).isEqualTo(200);
        assertThat(Files.readString(site.core.config().reportFolder().resolve("rep" + B + ".xml"))).isEqualTo("<flat-profile/>");
        assertThat(sink.accept(ProvisionRequest.of(Protocol.TFTP, "rep0000000000ff.xml", from), new byte[1])).isEqualTo(403);
        assertThat(sink.accept(ProvisionRequest.of(Protocol.TFTP, "../rep" + A + ".xml", from), new byte[1])).isEqualTo(403);
        assertThat(sink.accept(ProvisionRequest.of(Protocol.HTTP, "/report", from), new byte[1])).isEqualTo(403);
    }
}
