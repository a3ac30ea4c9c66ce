package org.spaprov.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsEveryFormTheHelpNames() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert(" PT1H30M ")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void refusesWhatIsNotAPositiveDuration() {
        for (String bad : new String[] {"", "s", "1x", "-5s", "1.5h", "P", "PTxyz", "99999999999999999d"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a duration");
        }
        assertThatThrownBy(() -> converter.convert("0m")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a positive duration");
        assertThatThrownBy(() -> converter.convert("PT-1H")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a positive duration");
    }
}
