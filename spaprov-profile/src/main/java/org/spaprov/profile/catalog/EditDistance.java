package org.spaprov.profile.catalog;

/**
 * Levenshtein distance with an upper bound, for "did you mean" suggestions. Only the diagonal band
 * of width {@code 2 * max + 1} is computed (cells outside it already exceed the bound), so a
 * search over a whole catalog stays cheap even for profiles full of unknown names.
 */
final class EditDistance {
    private EditDistance() {
    }

    /** The edit distance of {@code a} and {@code b}, or {@code max + 1} when it exceeds {@code max}. */
    static int bounded(String a, String b, int max) {
        return bounded(a, b, max, new int[b.length() + 2], new int[b.length() + 2]);
    }

    /** As {@link #bounded(String, String, int)} with caller-owned rows of at least {@code b.length() + 2}. */
    static int bounded(String a, String b, int max, int[] prev, int[] cur) {
        int n = a.length();
        int m = b.length();
        int inf = max + 1;
        if (max < 0 || Math.abs(n - m) > max) {
            return inf;
        }
        for (int j = 0; j <= m + 1; j++) {
            prev[j] = j <= max ? j : inf;
        }
        for (int i = 1; i <= n; i++) {
            int lo = Math.max(1, i - max);
            int hi = Math.min(m, i + max);
            cur[lo - 1] = lo == 1 ? (i <= max ? i : inf) : inf;
            int rowMin = cur[lo - 1];
            char ca = a.charAt(i - 1);
            for (int j = lo; j <= hi; j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), sub);
                cur[j] = Math.min(v, inf);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (hi + 1 <= m) {
                cur[hi + 1] = inf;
            }
            if (rowMin > max) {
                return inf;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], inf);
    }

    /** Occurrences of each character class ({@code a-z}, {@code 0-9}, anything else) in a lower-case name. */
    static int[] letterCounts(String s) {
        int[] c = new int[37];
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            c[ch >= 'a' && ch <= 'z' ? ch - 'a' : ch >= '0' && ch <= '9' ? 26 + ch - '0' : 36]++;
        }
        return c;
    }

    /**
     * A lower bound of the edit distance from the character counts: each edit adds at most one
     * character and removes at most one, so the distance is at least the larger of the surplus and
     * the deficit.
     */
    static int letterBound(int[] a, int[] b) {
        int surplus = 0;
        int deficit = 0;
        for (int i = 0; i < a.length; i++) {
            int d = a[i] - b[i];
            if (d > 0) {
                surplus += d;
            } else {
                deficit -= d;
            }
        }
        return Math.max(surplus, deficit);
    }
}
