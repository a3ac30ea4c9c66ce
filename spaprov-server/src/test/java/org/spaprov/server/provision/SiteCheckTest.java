package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spaprov.server.provision.TestSite.A;
import static org.spaprov.server.provision.TestSite.B;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.site.SiteException;

/**
 * Issue 9 row 8: start-up and hot reload check that every device's profile builds; a broken site
 * is refused with file:line and the last good one keeps serving.
 */
class SiteCheckTest {
    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void init() throws Exception {
        site = new TestSite(dir);
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void anUndefinedPlaceholderOnReloadIsRefusedAndTheLastGoodSiteServes() throws Exception {
        site.open();
        site.write("layers/group/office.xml", "<flat-profile>\n<Station_Name>{{ device.vars.floor }}</Station_Name>\n"
                + "</flat-profile>\n");
        assertThat(site.core.reloadNow()).isFalse();
        assertThat(site.core.siteError()).get().asString()
                .contains("device " + A + ": layers/group/office.xml:2: error: Station_Name: placeholder variable 'floor'")
                .contains("(and 1 more devices)");
        ProvisionResult r = site.get(Protocol.HTTP, "/spa" + A + ".cfg");
        assertThat(r.status()).isEqualTo(200);
        assertThat(TestSite.text(r)).containsPattern("<Station_Name[^>]*>night</Station_Name>");
    }

    @Test
    void aRowWithMissingVarColumnsIsRefusedAtStart() throws Exception {
        site.write("devices.csv", "mac,model,serial,groups,key,var.name,var.sip_password\n"
                + A + ",spa2102,SNA,office,,Alice,pw-alice-123\n" + B + ",spa2102,SNB,office,,Bob\n");
        assertThatThrownBy(site::open).isInstanceOf(SiteException.class)
                .hasMessageContaining("device " + B + ": layers/global.xml:")
                .hasMessageContaining("'sip_password' is not defined").hasMessageNotContaining("pw-alice-123");
    }

    @Test
    void anEmptySpaprovYamlIsRefusedOnReload() throws Exception {
        site.open();
        site.write("spaprov.yaml", "\n# nothing\n");
        assertThat(site.core.reloadNow()).isFalse();
        assertThat(site.core.siteError()).get().asString().startsWith("spaprov.yaml:1: error: the file is empty");
        assertThat(site.core.config().throttle().limit()).as("the last good settings").isEqualTo(5);
    }

    @Test
    void findingsListEveryBrokenDeviceAndRenderMasksSecrets() throws Exception {
        site.open();
        assertThat(SiteCheck.findings(site.core.site())).isEmpty();
        String masked = SiteCheck.render(site.core.site(), A, false);
        assertThat(masked).containsPattern("<Password_1_[^>]*>\\*{8}</Password_1_>").doesNotContain("pw-alice-123")
                .containsPattern("<Display_Name_1_[^>]*>Alice \\(\\$MA\\)</Display_Name_1_>");
        assertThat(SiteCheck.render(site.core.site(), A, true)).contains("pw-alice-123");
        assertThatThrownBy(() -> SiteCheck.render(site.core.site(), "000e08ffffff", false))
                .hasMessageContaining("no device 000e08ffffff");
    }
}
