package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spaprov.testkit.MutableClock;

class NotifyPolicyTest {
    private final FakeDevice device = new FakeDevice("000e08aabbcc");
    private final NotifyPolicy policy = new NotifyPolicy(
            new DigestAuth("r", new MutableClock(Instant.EPOCH), Duration.ofMinutes(1)));

    @ParameterizedTest
    @CsvSource({"resync,RESYNC", "check-sync,RESYNC", "Check-Sync;reboot=false,RESYNC", "report,REPORT",
        " reboot_now ,REBOOT_NOW", "restart_now,RESTART_NOW"})
    void parsesEvents(String header, NotifyEvent expected) {
        assertThat(NotifyEvent.parse(header)).contains(expected);
    }

    @Test
    void unknownAndMissingEventsAreBadEvents() {
        assertThat(policy.decide("presence", null, device)).isEqualTo(new NotifyPolicy.Reject(489, "Bad Event"));
        assertThat(policy.decide(null, null, device).status()).isEqualTo(489);
        assertThat(policy.decide("", null, device).status()).isEqualTo(489);
    }

    @Test
    void gatesComeBeforeTheChallenge() {
        device.set("Resync_From_SIP", "No");
        assertThat(policy.decide("resync", null, device).status()).isEqualTo(403);
        device.set("Report_Rule", "");
        assertThat(policy.decide("report", null, device).status()).isEqualTo(403);
        assertThat(policy.decide("reboot_now", null, device)).isInstanceOf(NotifyPolicy.Challenge.class);
    }

    @Test
    void withoutAuthSwitchEverythingKnownIsAccepted() {
        device.set("Auth_Resync-Reboot_1_", "no");
        assertThat(policy.decide("restart_now", null, device))
                .isEqualTo(new NotifyPolicy.Accept(NotifyEvent.RESTART_NOW));
    }

    @ParameterizedTest
    @CsvSource({"Yes,true", "yes,true", "TRUE,true", "1,true", "No,false", "'',false", "maybe,false"})
    void spaBooleans(String v, boolean expected) {
        assertThat(NotifyPolicy.yes(v)).isEqualTo(expected);
    }
}
