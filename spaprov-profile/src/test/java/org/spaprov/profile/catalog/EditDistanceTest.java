package org.spaprov.profile.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void knownDistances() {
        assertThat(EditDistance.bounded("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.bounded("resync_periodc", "resync_periodic", 3)).isEqualTo(1);
        assertThat(EditDistance.bounded("", "abc", 3)).isEqualTo(3);
        assertThat(EditDistance.bounded("abc", "abc", 0)).isZero();
        assertThat(EditDistance.bounded("abcdef", "uvwxyz", 2)).isEqualTo(3);
    }

    /** The banded version agrees with the plain dynamic programme (capped at max + 1). */
    @Property(tries = 300)
    void agreesWithFullLevenshtein(@ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b,
            @ForAll @IntRange(min = 0, max = 8) int max) {
        String x = a.replaceAll("[^a-c]", "a");
        String y = b.replaceAll("[^a-c]", "b");
        assertThat(EditDistance.bounded(x, y, max)).isEqualTo(Math.min(full(x, y), max + 1));
        assertThat(EditDistance.letterBound(EditDistance.letterCounts(x), EditDistance.letterCounts(y)))
                .isLessThanOrEqualTo(full(x, y));
    }

    private static int full(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
