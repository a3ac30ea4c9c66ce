package org.spaprov.profile.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Access;
import org.spaprov.profile.Profile;

class CatalogTest {
    private final Catalog spa2102 = Catalogs.get("spa2102");

    private ParamDef def(String xml) {
        return spa2102.byXml(xml).orElseThrow();
    }

    private String kind(String xml) {
        return def(xml).type().kind();
    }

    @Test
    void aCatalogIsFoundByModelOrByTheProductNameDevicesReport() {
        for (String name : new String[] {"spa2102", "SPA-2102", "SPA2102", " spa-2102 "}) {
            assertThat(Catalogs.forName(name)).as(name).get().extracting(Catalog::model).isEqualTo("spa2102");
        }
        assertThat(Catalogs.forName("PAP2T")).get().extracting(Catalog::model).isEqualTo("pap2t");
        assertThat(Catalogs.forName("SPA-9999")).isEmpty();
        assertThat(Catalogs.forName("")).isEmpty();
        assertThat(Catalogs.forName(null)).isEmpty();
    }

    @Test
    void knowsTheModelsCaseInsensitively() {
        assertThat(Catalogs.all()).extracting(Catalog::model)
                .containsExactly("spa2102", "spa3102", "spa8000", "pap2t", "spa942");
        assertThat(Catalogs.get("SPA2102")).isSameAs(spa2102);
        assertThat(Catalogs.find("nope")).isEmpty();
        assertThatThrownBy(() -> Catalogs.get("spa9999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spa9999").hasMessageContaining("spa2102, spa3102");
    }

    @Test
    void spa2102HasEveryRowOfTheTable() {
        assertThat(spa2102.params()).hasSize(702);
        assertThat(spa2102.productName()).isEqualTo("SPA2102");
        assertThat(spa2102.series()).isEqualTo("2102");
        assertThat(spa2102.baseModel()).isEmpty();
        assertThat(spa2102.params().get(0).xmlName()).isEqualTo("Resync_Periodic");
        assertThat(spa2102.params().get(701).xmlName()).isEqualTo("Protect_IVR_FactoryReset");
    }

    @Test
    void factoryDefaultsReplaceValuesEditedBySourceProject() {
        assertThat(def("Profile_Rule").defaultValue()).isEqualTo("/spa$PSN.cfg");
        assertThat(def("Resync_Periodic").defaultValue()).isEqualTo("3600");
        assertThat(def("Primary_DNS").defaultValue()).isEmpty();
        assertThat(def("Register_Expires_1_").defaultValue()).isEqualTo("3600");
        assertThat(def("Proxy_Fallback_Intvl_2_").defaultValue()).isEqualTo("3600");
        assertThat(def("Resync_Random_Delay").defaultValue()).isEqualTo("2");
        assertThat(def("Forced_Resync_Delay").defaultValue()).isEqualTo("14400");
        assertThat(def("Log_Resync_Success_Msg").defaultValue())
                .isEqualTo("$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH");
        assertThat(def("Default_Ring_1_").access()).isEqualTo(Access.RW);
        assertThat(def("Provision_Enable").access()).isEqualTo(Access.NA);
    }

    @Test
    void provisioningParametersHaveTheTypesOfSpec71() {
        assertThat(kind("Profile_Rule")).isEqualTo("rule");
        assertThat(kind("Profile_Rule_D")).isEqualTo("rule");
        assertThat(kind("Report_Rule")).isEqualTo("report-rule");
        assertThat(kind("Upgrade_Rule")).isEqualTo("upgrade-rule");
        assertThat(kind("Resync_Trigger_1")).isEqualTo("condition");
        assertThat(kind("Resync_Periodic")).isEqualTo("schedule");
        assertThat(kind("Resync_Error_Retry_Delay")).isEqualTo("schedule");
        assertThat(kind("Upgrade_Error_Retry_Delay")).isEqualTo("schedule");
        assertThat(kind("Downgrade_Rev_Limit")).isEqualTo("version");
        assertThat(def("Resync_Random_Delay").type()).isEqualTo(new ParamType.Uns(16));
        assertThat(def("Forced_Resync_Delay").type()).isEqualTo(new ParamType.Uns(32));
        assertThat(kind("Provision_Enable")).isEqualTo("bool");
        assertThat(kind("Auth_Resync-Reboot_1_")).isEqualTo("bool");
        assertThat(def("Connection_Type").type()).isInstanceOfSatisfying(ParamType.Choice.class,
                c -> assertThat(c.choices()).contains("DHCP", "Static IP", "PPPOE,DHCP"));
    }

    @Test
    void secretsAreFlagged() {
        Set<String> secrets = spa2102.params().stream().filter(ParamDef::secret).map(ParamDef::xmlName)
                .collect(Collectors.toSet());
        assertThat(secrets).contains("Admin_Passwd", "User_Password", "PPPOE_Login_Password", "Password_1_",
                "Password_2_", "GPP_SA", "GPP_SB", "GPP_SC", "GPP_SD", "License_Keys", "SRTP_Private_Key_1_");
        assertThat(secrets).doesNotContain("GPP_A", "User_ID_1_", "Profile_Rule");
    }

    @Test
    void mapsXmlAndTextNames() {
        assertThat(spa2102.textName("Set_Local_Date__mm_dd_")).isEqualTo("Set_Local_Date_(mm/dd)");
        assertThat(spa2102.textName("SIP_ToS_DiffServ_Value_1_")).isEqualTo("SIP_ToS/DiffServ_Value[1]");
        assertThat(spa2102.textName("Line_Enable_2_")).isEqualTo("Line_Enable[2]");
        assertThat(spa2102.textName("Not_Known_3_")).isEqualTo("Not_Known[3]");
        assertThat(spa2102.byText("Set_Local_Date_(mm/dd)")).get().extracting(ParamDef::xmlName)
                .isEqualTo("Set_Local_Date__mm_dd_");
        assertThat(spa2102.byText("Use_Anonymous_With_RPID[1]")).isPresent();
        for (Catalog c : Catalogs.all()) {
            for (ParamDef p : c.params()) {
                assertThat(org.spaprov.profile.ParamNames.toXml(p.textName())).as(c.model() + " " + p.textName())
                        .isEqualTo(p.xmlName());
                assertThat(c.byText(p.textName())).as(c.model() + " " + p.textName()).contains(p);
            }
        }
    }

    @Test
    void groupsFollowTheDevicePages() {
        assertThat(spa2102.groupOf("Resync_Periodic")).isEqualTo("Provisioning/Configuration_Profile");
        assertThat(spa2102.groupOf("Reg_Min_Expires")).isEqualTo("SIP/SIP_Timer_Values__sec_");
        assertThat(spa2102.groupOf("Proxy_2_")).isEqualTo("Line_2/Proxy_and_Registration");
        assertThat(spa2102.groupOf("Cfwd_All_Dest_1_")).isEqualTo("User_1/Call_Forward_Settings");
        assertThat(spa2102.groupOf("Dial_Tone")).isEqualTo("Regional/Call_Progress_Tones");
        assertThat(spa2102.groupOf("Nope")).isNull();
    }

    @Test
    void suggestsTheClosestName() {
        assertThat(spa2102.closest("Resync_Periodc")).contains("Resync_Periodic");
        assertThat(spa2102.closest("resync_periodic")).contains("Resync_Periodic");
        assertThat(spa2102.closest("SIP_TOS_DiffServ_Value_1_")).contains("SIP_ToS_DiffServ_Value_1_");
        assertThat(spa2102.closest("Set_Local_Date_mm_dd_")).contains("Set_Local_Date__mm_dd_");
        assertThat(spa2102.closest("Line_Enable[1]")).contains("Line_Enable_1_");
        assertThat(spa2102.closest("Completely_Unrelated_Thing_Here")).isEmpty();
    }

    @Test
    void defaultsAreAFullProfile() {
        Profile d = spa2102.defaults();
        assertThat(d.effective()).hasSize(702);
        assertThat(d.value("Profile_Rule")).isEqualTo("/spa$PSN.cfg");
        assertThat(d.get("Cfwd_All_Dest_1_")).get().extracting(s -> s.access()).isEqualTo(Access.RW);
        assertThat(spa2102.defaults()).isSameAs(d);
    }

    @Test
    void everyDefaultPassesItsOwnType() {
        for (Catalog c : Catalogs.all()) {
            for (ParamDef p : c.params()) {
                assertThat(p.type().check(p.defaultValue())).as(c.model() + " " + p.xmlName()).isEmpty();
            }
        }
    }

    @Test
    void derivedModelsExtendSpa2102() {
        Catalog spa3102 = Catalogs.get("spa3102");
        assertThat(spa3102.baseModel()).contains("spa2102");
        assertThat(spa3102.series()).isEqualTo("3102");
        assertThat(spa3102.params()).hasSizeGreaterThan(702 + 100);
        assertThat(spa3102.byText("Gateway_1[1]")).isPresent();
        assertThat(spa3102.byXml("PSTN_Answer_Delay_1_")).get().extracting(ParamDef::defaultValue).isEqualTo("16");
        assertThat(spa3102.byXml("GW1_Password_1_")).get().extracting(ParamDef::secret).isEqualTo(true);
        assertThat(spa3102.byXml("VoIP_PIN_Tone")).isPresent();
        assertThat(spa3102.byXml("SIP_TOS_DiffServ_Value_1_")).isEmpty();

        Catalog pap2t = Catalogs.get("pap2t");
        assertThat(pap2t.productName()).isEqualTo("PAP2T");
        assertThat(pap2t.byXml("LAN_IP_Address")).isEmpty();
        assertThat(pap2t.byXml("Proxy_2_")).isPresent();
        assertThat(pap2t.params()).hasSize(702 - 20);

        Catalog spa8000 = Catalogs.get("spa8000");
        assertThat(spa8000.byXml("Proxy_8_")).isPresent();
        assertThat(spa8000.byXml("SIP_Port_8_")).get().extracting(ParamDef::defaultValue).isEqualTo("5067");
        assertThat(spa8000.byXml("Proxy_9_")).isEmpty();

        Catalog spa942 = Catalogs.get("spa942");
        assertThat(spa942.baseModel()).isEmpty();
        assertThat(spa942.series()).isEqualTo("942");
        assertThat(spa942.byXml("Station_Name")).isPresent();
        assertThat(spa942.byXml("Profile_Rule")).get().extracting(ParamDef::defaultValue).isEqualTo("/spa$PSN.cfg");
        assertThat(spa942.groupOf("Extension_1_")).doesNotContain("phone/");
    }

    @Test
    void oneDefinitionOfSecretAcrossModels() {
        assertThat(Catalogs.isSecret("GPP_SA")).isTrue();
        assertThat(Catalogs.isSecret("GPP_SD")).isTrue();
        assertThat(Catalogs.isSecret("Password_1_")).isTrue();
        assertThat(Catalogs.isSecret("Admin_Passwd")).isTrue();
        assertThat(Catalogs.isSecret("PPPOE_Login_Password")).isTrue();
        assertThat(Catalogs.isSecret("License_Keys")).isTrue();
        assertThat(Catalogs.isSecret("VoIP_Caller_1_PIN_1_")).isTrue();   // only in spa3102
        assertThat(Catalogs.isSecret("GPP_A")).isFalse();
        assertThat(Catalogs.isSecret("User_ID_1_")).isFalse();
        assertThat(Catalogs.isSecret(null)).isFalse();
        // Every model agrees with the union for its own parameters.
        for (Catalog c : Catalogs.all()) {
            for (ParamDef p : c.params()) {
                assertThat(Catalogs.isSecret(p.xmlName())).as(c.model() + " " + p.xmlName()).isEqualTo(p.secret());
            }
        }
    }
}
