package org.spaprov.profile.catalog;

/** Levenshtein distance with an upper bound, for "did you mean" suggestions. */
final class EditDistance {
    private EditDistance() {
    }

    /** The edit distance of {@code a} and {@code b}, or {@code max + 1} when it exceeds {@code max}. */
    static int bounded(String a, String b, int max) {
        if (max < 0) {
            return max + 1;
        }
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] > max ? max + 1 : prev[b.length()];
    }
}
