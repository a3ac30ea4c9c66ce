package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;

/**
 * The device's key is a secret wherever a layer puts it: the guide keeps keys in {@code GPP_B} for
 * {@code [--key $B]}, a parameter the catalog does not flag. Found by the secret-leak end-to-end test:
 * HTTPS without a certificate was answered the key in {@code GPP_B}, and {@code site render} printed it.
 */
class KeyInAnyParameterTest {
    private static final String KEY = "Key-Of-The-Device-7";
    private final Profile profile = Profile.builder().add(Setting.of("GPP_B", KEY))
            .add(Setting.of("GPP_C", "[--key " + KEY + "] http://x/y")).add(Setting.of("GPP_SA", "other"))
            .add(Setting.of("Display_Name_1_", "Lobby")).build();

    @Test
    void anUnauthenticatedAnswerLeavesOutEveryParameterCarryingTheDeviceKey() {
        Profile open = EncodeStage.withoutSecrets(profile, Optional.of(KEY));

        assertThat(open.statements()).extracting(Setting::name).containsExactly("Display_Name_1_");
    }

    @Test
    void withoutAKeyOnlyTheCatalogsSecretsGo() {
        assertThat(EncodeStage.withoutSecrets(profile, Optional.empty()).statements()).extracting(Setting::name)
                .containsExactly("GPP_B", "GPP_C", "Display_Name_1_");
        assertThat(EncodeStage.isSecret(Setting.of("GPP_B", ""), Optional.of(""))).isFalse();
    }
}
