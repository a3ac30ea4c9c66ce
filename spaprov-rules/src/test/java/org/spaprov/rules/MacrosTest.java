package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §4 examples, verbatim, plus the decisions of §15.20. */
class MacrosTest {
    private static final Variables MAC = Variables.builder().mac("000E08012345").build();

    @Test
    void substringsOfGppA() { // SPEC §4.2: GPP_A = ABCDEF
        Variables v = Variables.builder().param("GPP_A", "ABCDEF").build();
        assertThat(Macros.expand("$(A:2)", v)).isEqualTo("CDEF");
        assertThat(Macros.expand("$(A:2:3)", v)).isEqualTo("CDE");
    }

    @Test
    void substringsOfMau() { // SPEC §4.2: MAC 000E08012345
        assertThat(Macros.expand("$(MAU:4)", MAC)).isEqualTo("08012345");
        assertThat(Macros.expand("$(MAU:8:2)", MAC)).isEqualTo("23");
    }

    @Test
    void parenthesisedNameBeforeAlphanumerics() {
        assertThat(Macros.expand("spa$(MAU)config.cfg", MAC)).isEqualTo("spa000E08012345config.cfg");
        assertThat(Macros.expand("\"$(MAC)config.xml\"", MAC)).isEqualTo("\"00:0e:08:01:23:45config.xml\"");
    }

    @Test
    void adjacentVariables() { // GPP_A=ABC, GPP_B=123
        Variables v = Variables.builder().param("GPP_A", "ABC").param("GPP_B", "123").build();
        assertThat(Macros.expand("$A$B", v)).isEqualTo("ABC123");
    }

    @Test
    void unknownNameLeftAsWritten() {
        assertThat(Macros.expand("spa$STRANGE$MAU.cfg", MAC)).isEqualTo("spa$STRANGE000E08012345.cfg");
        assertThat(Macros.expand("$(STRANGE)x$(STRANGE:1:2)", MAC)).isEqualTo("$(STRANGE)x$(STRANGE:1:2)");
    }

    @Test
    void oneLevelOnly() {
        assertThat(Macros.expand("$$MAU", MAC)).isEqualTo("$MAU");
        Variables v = MAC.with("A", "$MAU");
        assertThat(Macros.expand("$A", v)).isEqualTo("$MAU");
        assertThat(Macros.expand("cost $$5", MAC)).isEqualTo("cost $5");
    }

    @Test
    void greedyNamesAndUnderscore() { // SPEC §15.20, §15.15
        assertThat(Macros.expand("$MAUconfig", MAC)).isEqualTo("$MAUconfig");
        assertThat(Macros.expand("$MA_x", MAC)).isEqualTo("000e08012345_x");
        Variables v = Variables.builder().param("GPP_A", "x").build();
        assertThat(Macros.expand("$GPP_A", v)).isEqualTo("$GPP_A");
        assertThat(Macros.expand("$a", v)).isEqualTo("$a"); // case-sensitive
    }

    @Test
    void macVariants() { // SPEC §4.3 table
        Variables v = Variables.builder().mac("00:0e:08:aa:bb:cc").build();
        assertThat(Macros.expand("$MA $MAU $MAC", v)).isEqualTo("000e08aabbcc 000E08AABBCC 00:0e:08:aa:bb:cc");
        assertThatThrownBy(() -> Variables.builder().mac("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretRegistersOnlyInsideKey() {
        Variables v = Variables.builder().param("GPP_SA", "s3cret").param("GPP_SB", "other").build();
        assertThat(Macros.expand("$SA/$(SB)", v)).isEqualTo("$SA/$(SB)");
        assertThat(Macros.expandKey("$SA/$(SB)", v)).isEqualTo("s3cret/other");
        assertThat(Macros.expandKey("$SC", v)).isEmpty(); // known but unset
    }

    @Test
    void knownButUnsetIsEmptyAndSpecialDefaults() {
        Variables v = Variables.of(Map.of("SCHEME", "http"));
        assertThat(Macros.expand("[$EXTIP]", v)).isEqualTo("[]");
        assertThat(Macros.expand("$UPGCOND", v)).isEqualTo("true");
        assertThat(Macros.expand("$METH", v)).isEqualTo("http");
    }

    @Test
    void logMessageDefaults() { // SPEC §7.1 Log_Resync_Request_Msg
        Variables v = Variables.builder().mac("000E08012345").set("PN", "SPA2102").set("SCHEME", "tftp")
                .set("SERVIP", "10.2.3.200").set("PORT", "69").set("PATH", "/spa2102.cfg").build();
        assertThat(Macros.expand("$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH", v))
                .isEqualTo("SPA2102 00:0e:08:01:23:45 -- Requesting resync tftp://10.2.3.200:69/spa2102.cfg");
    }

    @Test
    void malformedAndOutOfRange() {
        Variables v = Variables.builder().param("GPP_A", "ABCDEF").build();
        assertThat(Macros.expand("x$(A", v)).isEqualTo("x$(A");
        assertThat(Macros.expand("$(A:9)", v)).isEmpty();
        assertThat(Macros.expand("$(A:6)", v)).isEmpty();
        assertThat(Macros.expand("$(A:4:99)", v)).isEqualTo("EF");
        assertThat(Macros.expand("$(A:99999999999999:2)", v)).isEmpty();
        assertThat(Macros.expand("$(A:x)", v)).isEqualTo("$(A:x)");
        assertThat(Macros.expand("$(A:1:2:3)", v)).isEqualTo("$(A:1:2:3)");
        assertThat(Macros.expand("$(A::)", v)).isEqualTo("$(A::)");
        assertThat(Macros.expand("end$", v)).isEqualTo("end$");
        assertThat(Macros.expand("$-", v)).isEqualTo("$-");
    }

    @Test
    void paramsFeedVariables() {
        Variables v = Variables.builder().param("User_ID_1_", "4085551234").param("GPP_P", "p").build();
        assertThat(Macros.expand("$UID1/$P", v)).isEqualTo("4085551234/p");
        assertThatThrownBy(() -> Variables.builder().param("Provision_Enable", "Yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GPP_A..GPP_P");
    }
}
