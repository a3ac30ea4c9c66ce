package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §5.1 version examples and the order of §15.7. */
class VersionTest {
    @Test
    void guideExamplesParse() {
        for (String s : List.of("1.0.31(b)", "1.0.33", "2.0.3(G)", "2.0.3(0412s)", "2.0.6", "5.1.10(GW)")) {
            assertThat(Version.parse(s).toString()).isEqualTo(s);
        }
        assertThat(Version.parse("2.0.3(0412s)").suffix()).contains("0412s");
        assertThat(Version.parse("2.0.6").suffix()).isEmpty();
    }

    @Test
    void decisionOrder() { // 2.0.6 < 2.0.6(b) < 2.0.10 < 3.0
        List<Version> sorted = List.of("3.0", "2.0.10", "2.0.6(b)", "2.0.6").stream().map(Version::parse).sorted().toList();
        assertThat(sorted).extracting(Version::toString).containsExactly("2.0.6", "2.0.6(b)", "2.0.10", "3.0");
    }

    @Test
    void missingPartsAreZeroAndSuffixIgnoresCase() {
        assertThat(Version.parse("3")).isEqualTo(Version.parse("3.0.0")).hasSameHashCodeAs(Version.parse("3.0"));
        assertThat(Version.parse("2.0.6(B)")).isEqualTo(Version.parse("2.0.6(b)"));
        assertThat(Version.parse("2.0.06")).isEqualByComparingTo(Version.parse("2.0.6"));
        assertThat(Version.parse("1.0.31(b)")).isLessThan(Version.parse("1.0.33"));
        assertThat(Version.parse("2.0.3(0412s)")).isLessThan(Version.parse("2.0.3(G)"));
    }

    @Test
    void suffixWithoutParenthesesAsLaterFirmwareWritesIt() {
        assertThat(Version.parse("7.5.2b")).isEqualTo(Version.parse("7.5.2(B)"));
        assertThat(Version.parse("7.5.2b").suffix()).contains("b");
        assertThat(Version.parse("7.4.9c")).isLessThan(Version.parse("7.5.2b"));
        assertThat(Version.parse("7.5.2")).isLessThan(Version.parse("7.5.2b"));
        assertThat(Version.parse("7.5.2b")).isLessThan(Version.parse("7.6.2"));
        assertThat(Version.looksLikeVersion("7.5.2b")).isTrue();
    }

    @Test
    void rejectsNonVersions() {
        for (String s : List.of("", "2.0.", ".1", "2.0.6 (b)", "2.0.6()", "v2", "2.0.6(b", "1234567890123456789", "2.0.6.b", "2.0.6-b", "2.0.6b(c)")) {
            assertThat(Version.tryParse(s)).as(s).isEmpty();
        }
        assertThatThrownBy(() -> Version.parse("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Version.looksLikeVersion("12")).isFalse();
        assertThat(Version.looksLikeVersion("1.2")).isTrue();
    }
}
