package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPEC §7.3 examples, verbatim. */
class ScheduleTest {
    /** A generator that always answers the largest allowed value, to test the bounds. */
    private static final RandomGenerator MAX = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private static final RandomGenerator MIN = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    private static long[] delays(String spec, int n, RandomGenerator rnd) {
        Schedule s = Schedule.parse(spec);
        return IntStream.range(0, n).mapToLong(i -> s.delaySeconds(i, rnd)).toArray();
    }

    @Test
    void every2Hours() {
        assertThat(delays("7200", 3, MIN)).containsExactly(7200, 7200, 7200);
    }

    @Test
    void retryLadderThenEvery4Hours() {
        assertThat(delays("1800,3600,7200,14400", 6, MIN)).containsExactly(1800, 3600, 7200, 14400, 14400, 14400);
    }

    @Test
    void hourlyPlusUpTo10Minutes() {
        assertThat(delays("3600+600", 2, MIN)).containsExactly(3600, 3600);
        assertThat(delays("3600+600", 2, MAX)).containsExactly(4200, 4200);
        long[] seeded = delays("3600+600", 1000, new SplittableRandom(7));
        assertThat(java.util.Arrays.stream(seeded).boxed().toList()).allSatisfy(d -> assertThat(d).isBetween(3600L, 4200L));
        assertThat(java.util.Arrays.stream(seeded).distinct().count()).isGreaterThan(100);
    }

    @Test
    void randomPerElement() {
        assertThat(delays("1800+300,3600+600,7200+900", 4, MAX)).containsExactly(2100, 4200, 8100, 8100);
        assertThat(delays("1800+300,3600+600,7200+900", 4, MIN)).containsExactly(1800, 3600, 7200, 7200);
    }

    @Test
    void upgradeRetryExample() {
        assertThat(delays("1800,3600,7200,14400+3600", 5, MAX)).containsExactly(1800, 3600, 7200, 18000, 18000);
    }

    @Test
    void sameSeedSameDelays() {
        assertThat(delays("60+60,120+60", 20, new SplittableRandom(42)))
                .containsExactly(delays("60+60,120+60", 20, new SplittableRandom(42)));
    }

    @Test
    void whiteSpaceToleratedAndCanonicalText() {
        Schedule s = Schedule.parse(" 1800 + 300 ,\n 3600 ");
        assertThat(s.toString()).isEqualTo("1800+300,3600");
        assertThat(s).isEqualTo(Schedule.parse("1800+300,3600"));
    }

    @Test
    void disabled() { // SPEC §15.1
        assertThat(Schedule.parse("0").disabled()).isTrue();
        assertThat(Schedule.parse("").disabled()).isTrue();
        assertThat(Schedule.parse("0,0").disabled()).isTrue();
        assertThat(Schedule.parse("0,60").disabled()).isFalse();
        assertThat(Schedule.parse("3600").disabled()).isFalse();
        assertThatThrownBy(() -> Schedule.parse("0").delaySeconds(0, MIN)).isInstanceOf(IllegalStateException.class);
        assertThat(Schedule.parseOrDisabled("12x").disabled()).isTrue();
    }

    @Test
    void errorsCarryTheColumn() {
        assertThat(Schedule.check("1800,,3600")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(Schedule.check("1800+")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(Schedule.check("3600,")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(5));
        assertThat(Schedule.check("36OO")).hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(2));
        assertThat(Schedule.check("-5")).hasValueSatisfying(e -> assertThat(e.column()).isZero());
        assertThat(Schedule.check("99999999999")).hasValueSatisfying(e -> assertThat(e.message()).contains("too large"));
        assertThat(Schedule.check("1800+300,3600+600,7200+900")).isEmpty();
        assertThatThrownBy(() -> Schedule.parse("1").delaySeconds(-1, MIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
