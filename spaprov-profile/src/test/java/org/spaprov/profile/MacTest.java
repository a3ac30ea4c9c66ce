package org.spaprov.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MacTest {
    @Test
    void everySpellingReadsAsTheSameMacAndIsWrittenInTheGuidesThreeForms() {
        for (String s : new String[] {"000e08aabbcc", "000E08AABBCC", "00:0e:08:aa:bb:cc", "00-0E-08-AA-BB-CC",
                "000e.08aa.bbcc", " 000e08aabbcc\n"}) {
            Mac m = Mac.parse(s);
            assertThat(m.hex()).as(s).isEqualTo("000e08aabbcc");
            assertThat(m.upper()).isEqualTo("000E08AABBCC");
            assertThat(m.colons()).isEqualTo("00:0e:08:aa:bb:cc");
            assertThat(m).hasToString("000e08aabbcc");
        }
    }

    @Test
    void whatIsNotAMacIsRefusedNamingTheValue() {
        for (String s : new String[] {"", "000e08aabb", "000e08aabbccdd", "000e08aabbcg", "00:0e:08-aa:bb:cc",
                "00:0e08:aa:bb:cc", "0:0e:08:aa:bb:cc0", "+00e08aabbcc"}) {
            assertThat(Mac.tryParse(s)).as(s).isEmpty();
        }
        assertThatThrownBy(() -> Mac.parse("xyz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad MAC address 'xyz' (want 12 hex digits, e.g. 000e08aabbcc)");
        assertThat(Mac.tryParse(null)).isEmpty();
    }

    @Test
    void onlyTwelveLowerCaseHexDigitsAreCanonical() {
        assertThat(Mac.isCanonical("000e08aabbcc")).isTrue();
        assertThat(Mac.isCanonical("000E08AABBCC")).isFalse();
        assertThat(Mac.isCanonical("00:0e:08:aa:bb:cc")).isFalse();
        assertThat(Mac.isCanonical(null)).isFalse();
    }

    @Test
    void fleetsCountUpToTheLastMacAndNoFurther() {
        assertThat(Mac.parse("000e08de00ff").plus(1).hex()).isEqualTo("000e08de0100");
        assertThatThrownBy(() -> new Mac(Mac.MAX).plus(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everySpellingRoundTrips(@ForAll @LongRange(min = 0, max = Mac.MAX) long v) {
        Mac m = new Mac(v);
        assertThat(Mac.parse(m.hex())).isEqualTo(m);
        assertThat(Mac.parse(m.upper())).isEqualTo(m);
        assertThat(Mac.parse(m.colons())).isEqualTo(m);
        assertThat(Mac.isCanonical(m.hex())).isTrue();
    }
}
