package org.spaprov.device.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.catalog.ParamDef;

class ConfigReportTest {
    @Test
    void catalogGroupsAndNoCatalogSecrets() {
        Catalog spa2102 = Catalogs.get("spa2102");
        Profile running = spa2102.defaults().overlay(Profile.builder().set("GPP_SA", "TopSecretKey")
                .set("License_Keys", "LIC-1").set("Password_1_", "pw-line-1").set("User_ID_1_", "1001").build());
        String xml = ConfigReport.of(spa2102).xml(running);
        assertThat(xml).startsWith("<flat-profile>")
                .contains("<User_ID_1_ group=\"" + spa2102.groupOf("User_ID_1_") + "\"")
                .contains(">1001</User_ID_1_>")
                .doesNotContain("TopSecretKey").doesNotContain("LIC-1").doesNotContain("pw-line-1");
        for (ParamDef p : spa2102.params()) {
            assertThat(xml.contains("<" + p.xmlName() + " ") || xml.contains("<" + p.xmlName() + ">"))
                    .as(p.xmlName()).isEqualTo(!p.secret());
        }
    }

    @Test
    void plainDropsBuiltInSecretNames() {
        Profile p = Profile.builder().set("GPP_SD", "x1").set("Admin_Passwd", "x2").set("PPPOE_Login_Password", "x3")
                .set("SRTP_Private_Key_2_", "x4").set("License_Keys", "x5").set("GPP_D", "kept").build();
        assertThat(ConfigReport.PLAIN.xml(p)).isEqualTo("<flat-profile>\n  <GPP_D>kept</GPP_D>\n</flat-profile>\n");
    }
}
