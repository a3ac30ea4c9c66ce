package org.spaprov.device.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spaprov.device.sip.TestVariables;
import org.spaprov.rules.Macros;
import org.spaprov.rules.Variables;

/** The rules module's macro expansion, which SyslogEvents uses, meets SPEC §4.2 / §15.20 as log templates need it. */
class LogTemplateMacrosTest {
    private static final Variables V = TestVariables.of(Map.of("A", "ABCDEF", "B", "123", "MAU", "000E08012345",
            "MA", "000e08012345", "SA", "secret-key", "PN", "SPA2102"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$(A:2)                  | CDEF",
        "$(A:2:3)                | CDE",
        "$(MAU:4)                | 08012345",
        "$(MAU:8:2)              | 23",
        "spa$(MAU)config.cfg     | spa000E08012345config.cfg",
        "$A$B                    | ABCDEF123",
        "spa$STRANGE$MAU.cfg     | spa$STRANGE000E08012345.cfg",
        "$$MAU                   | $MAU",
        "$MAUconfig              | $MAUconfig",
        "$(NOPE)x                | $(NOPE)x",
        "$(A:99)|''",
        "$(A                     | $(A",
        "key $SA $(SA)           | key $SA $(SA)",
        "$PN_$B                  | SPA2102_123",
        "cost 5$                 | cost 5$",
    })
    void expandsLikeTheSpec(String in, String out) {
        assertThat(Macros.expand(in, V)).isEqualTo(out);
    }
}
