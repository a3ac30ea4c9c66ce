package org.spaprov.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.spaprov.profile.validate.SyntaxError;

/**
 * A retry or periodic schedule (SPEC §7.3) such as {@code 1800+300,3600,7200}: comma-separated
 * elements {@code seconds[+random]}; attempt i uses element i, and the last element repeats. The
 * delay is {@code seconds} plus a uniform random whole number in {@code [0, random]}, drawn from the
 * {@link RandomGenerator} passed in (inject a seeded one for deterministic tests). White space
 * around {@code ,} and {@code +} is allowed. An empty value, or one whose elements are all 0, is
 * {@linkplain #disabled() disabled} (SPEC §15.1: no automatic repeat). Immutable and thread-safe.
 */
public final class Schedule {
    /** Largest number of seconds accepted in one element (about 317 years). */
    public static final long MAX_SECONDS = 9_999_999_999L;

    /** One element: fixed seconds plus up to {@code randomSeconds} more. */
    public record Element(long seconds, long randomSeconds) {
        public Element {
            if (seconds < 0 || randomSeconds < 0) {
                throw new IllegalArgumentException("schedule values are not negative");
            }
        }

        @Override
        public String toString() {
            return randomSeconds == 0 ? Long.toString(seconds) : seconds + "+" + randomSeconds;
        }
    }

    private final List<Element> elements;

    private Schedule(List<Element> elements) {
        this.elements = List.copyOf(elements);
    }

    /**
     * Parses a schedule.
     *
     * @throws RuleSyntaxException with the column of the offending character
     */
    public static Schedule parse(String text) throws RuleSyntaxException {
        String s = text == null ? "" : text;
        List<Element> list = new ArrayList<>();
        int[] pos = {skipWs(s, 0)};
        if (pos[0] == s.length()) {
            return new Schedule(list);
        }
        while (true) {
            long seconds = number(s, pos, "expected a number of seconds");
            long random = 0;
            pos[0] = skipWs(s, pos[0]);
            if (pos[0] < s.length() && s.charAt(pos[0]) == '+') {
                pos[0] = skipWs(s, pos[0] + 1);
                random = number(s, pos, "expected the random seconds after '+'");
                pos[0] = skipWs(s, pos[0]);
            }
            list.add(new Element(seconds, random));
            if (pos[0] == s.length()) {
                return new Schedule(list);
            }
            if (s.charAt(pos[0]) != ',') {
                throw new RuleSyntaxException(pos[0], "expected ',' or '+' after a number");
            }
            pos[0] = skipWs(s, pos[0] + 1);
        }
    }

    /** The schedule, or a disabled one when the text is malformed (what a device does, SPEC §7.3). */
    public static Schedule parseOrDisabled(String text) {
        try {
            return parse(text);
        } catch (RuleSyntaxException e) {
            return new Schedule(List.of());
        }
    }

    /** Empty when {@code text} is a well-formed schedule; else the error and its column. */
    public static Optional<SyntaxError> check(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (RuleSyntaxException e) {
            return Optional.of(e.toSyntaxError());
        }
    }

    /** The elements in order (empty when the value was empty). */
    public List<Element> elements() {
        return elements;
    }

    /** True when nothing is scheduled: an empty value, or only zero elements such as {@code 0}. */
    public boolean disabled() {
        return elements.stream().allMatch(e -> e.seconds() == 0 && e.randomSeconds() == 0);
    }

    /**
     * The delay before attempt {@code index} (0 = first): element {@code min(index, last)} with its
     * random part drawn from {@code rnd}.
     *
     * @throws IllegalStateException when the schedule is {@linkplain #disabled() disabled}
     * @throws IllegalArgumentException when {@code index} is negative
     */
    public long delaySeconds(int index, RandomGenerator rnd) {
        if (disabled()) {
            throw new IllegalStateException("the schedule is disabled");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0");
        }
        Element e = elements.get(Math.min(index, elements.size() - 1));
        return e.seconds() + (e.randomSeconds() == 0 ? 0 : rnd.nextLong(e.randomSeconds() + 1));
    }

    /** The canonical text, e.g. {@code 1800+300,3600}. */
    @Override
    public String toString() {
        return String.join(",", elements.stream().map(Element::toString).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    private static long number(String s, int[] pos, String message) {
        int start = pos[0];
        int i = start;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            throw new RuleSyntaxException(start, message);
        }
        if (i - start > 10 || Long.parseLong(s.substring(start, i)) > MAX_SECONDS) {
            throw new RuleSyntaxException(start, "number too large (at most " + MAX_SECONDS + " seconds)");
        }
        pos[0] = i;
        return Long.parseLong(s.substring(start, i));
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
