package org.spaprov.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.server.feedback.syslog.LogTemplates;
import org.spaprov.server.feedback.syslog.LogTemplates.Kind;
import org.spaprov.server.feedback.syslog.LogTemplates.Match;

/** The guide's {@code Log_*_Msg} defaults (SPEC §7.1) and a site's own templates, with their {@code $ERR}. */
class LogTemplatesTest {
    private final LogTemplates defaults = LogTemplates.of(List.of());

    @Test
    void recognisesEveryDefaultMessage() {
        String mac = "00:0e:08:aa:bb:01";
        assertThat(defaults.match("SPA2102 " + mac + " -- Requesting resync HTTP://10.0.0.1:80/spa.cfg"))
                .hasValue(new Match(Kind.RESYNC_REQUEST, Optional.of("000e08aabb01"), Optional.empty()));
        assertThat(defaults.match("SPA2102 " + mac + " -- Successful resync HTTP://10.0.0.1:80/spa.cfg"))
                .hasValue(new Match(Kind.RESYNC_SUCCESS, Optional.of("000e08aabb01"), Optional.empty()));
        assertThat(defaults.match("SPA2102 " + mac + " -- Resync failed: corrupt file"))
                .hasValue(new Match(Kind.RESYNC_FAILURE, Optional.of("000e08aabb01"), Optional.of("corrupt file")));
        assertThat(defaults.match("SPA2102 " + mac + " -- Requesting upgrade TFTP://10.0.0.1:69/fw.bin"))
                .map(Match::kind).hasValue(Kind.UPGRADE_REQUEST);
        // "after a successful upgrade [$ERR] carries the new load's version" (SPEC §4.3)
        assertThat(defaults.match("SPA2102 " + mac + " -- Successful upgrade HTTP://10.0.0.1:80/fw.bin -- 5.2.12"))
                .hasValue(new Match(Kind.UPGRADE_SUCCESS, Optional.of("000e08aabb01"), Optional.of("5.2.12")));
        assertThat(defaults.match("SPA2102 " + mac + " -- Upgrade failed: http_get failed"))
                .hasValue(new Match(Kind.UPGRADE_FAILURE, Optional.of("000e08aabb01"), Optional.of("http_get failed")));
    }

    @Test
    void otherLinesAreNotProvisioningMessages() {
        assertThat(defaults.match("RSE_DEBUG: getting alias 0")).isEmpty();
        assertThat(defaults.match("SPA2102 00:0e:08:aa:bb:01 -- Resync done")).isEmpty();
    }

    @Test
    void theSitesOwnTemplateIsTriedFirstAndItsMacFormIsRead() {
        LogTemplates t = LogTemplates.of(List.of(new LogTemplates.Template(Kind.RESYNC_FAILURE,
                "$MAU resync NOK ($ERR) at $(SERVIP)")));
        assertThat(t.match("000E08AABB02 resync NOK (file not found) at 10.0.0.1"))
                .hasValue(new Match(Kind.RESYNC_FAILURE, Optional.of("000e08aabb02"), Optional.of("file not found")));
        // the defaults still apply to devices the site leaves alone
        assertThat(t.match("SPA2102 00:0e:08:aa:bb:01 -- Resync failed: timeout")).map(Match::err)
                .hasValue(Optional.of("timeout"));
    }

    @Test
    void aTemplateWithoutMacOrErrStillMatches() {
        LogTemplates t = LogTemplates.of(List.of(new LogTemplates.Template(Kind.RESYNC_SUCCESS, "resync ok $$5")));
        assertThat(t.match("resync ok $5")).hasValue(new Match(Kind.RESYNC_SUCCESS, Optional.empty(), Optional.empty()));
    }
}
