package org.spaprov.server.feedback.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalogs;

/** What drift compares: catalog parameters the report carries; secrets by hash only, never shown. */
class DriftTest {
    private static final Profile INTENDED = Catalogs.get("spa2102").defaults().overlay(Profile.builder()
            .set("Proxy_1_", "sip.example.net").set("Password_1_", "pw-1001").set("GPP_SA", "Key-One")
            .set("Profile_Rule", "http://prov/spa$MA.cfg").build()).flatten();

    @Test
    void equalValuesAndParametersTheReportLeavesOutAreNoDrift() {
        Profile reported = Profile.builder().set("Proxy_1_", "sip.example.net")
                .set("Profile_Rule", "http://prov/spa$MA.cfg").build();
        assertThat(Drift.compare("spa2102", INTENDED, reported)).isEmpty();
    }

    @Test
    void userAccessNaParametersAreComparedLikeAnyOther() {
        // Profile_Rule is ua="na" in the catalog: hidden from the user account, still set by provisioning.
        assertThat(Catalogs.get("spa2102").get("Profile_Rule").access()).isEqualTo(org.spaprov.profile.Access.NA);
        Profile reported = Profile.builder().set("Profile_Rule", "http://other/spa$MA.cfg").build();
        assertThat(Drift.compare("spa2102", INTENDED, reported))
                .containsExactly(new Drift.Entry("Profile_Rule", "http://prov/spa$MA.cfg", "http://other/spa$MA.cfg"));
    }

    @Test
    void statusValuesAndNamesOutsideTheCatalogAreIgnored() {
        Profile reported = Profile.builder().set("MAC_Address", "000e08aabb01").set("Software_Version", "5.2.12")
                .set("Serial_Number", "X1").set("Proxy_1_", "sip.example.net").build();
        assertThat(Drift.compare("spa2102", INTENDED, reported)).isEmpty();
    }

    @Test
    void secretsAreComparedByHashAndAlwaysMasked() {
        Profile same = Profile.builder().set("Password_1_", "pw-1001").set("GPP_SA", "Key-One").build();
        assertThat(Drift.compare("spa2102", INTENDED, same)).isEmpty();

        Profile other = Profile.builder().set("Password_1_", "pw-9999").set("GPP_SA", "Key-One").build();
        assertThat(Drift.compare("spa2102", INTENDED, other))
                .containsExactly(new Drift.Entry("Password_1_", Drift.MASK, Drift.MASK));
        assertThat(Drift.compare("spa2102", INTENDED, other).toString()).doesNotContain("pw-1001", "pw-9999");
    }

    @Test
    void countIsTheNumberOfDifferingParameters() {
        Profile reported = Profile.builder().set("Proxy_1_", "old.example.net").set("Password_1_", "x").build();
        Drift d = new Drift("000e08aabb01", java.time.Instant.EPOCH, java.util.Optional.empty(),
                Drift.compare("spa2102", INTENDED, reported));
        assertThat(d.count()).isEqualTo(2);
    }
}
