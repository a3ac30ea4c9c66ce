package org.spaprov.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile as read: the ordered parameter statements of one document (or of layered documents),
 * plus the notes the reader made about content it ignored.
 *
 * <p>The <em>effective</em> view merges statements per name in document order: the last statement
 * that carries a value sets the value, the last one that carries an access sets the access, so
 * {@code <X/>} and {@code Name ! ;} change only the access (SPEC §1.2, §1.5, §2.2). Names are
 * canonical XML element names and are case-sensitive.
 *
 * <p>Immutable and thread-safe; the effective map is computed once on demand.
 */
public final class Profile {
    private static final Profile EMPTY = new Profile(List.of(), List.of());

    private final List<Setting> statements;
    private final List<Finding> notes;
    private volatile Map<String, Setting> effective;

    private Profile(List<Setting> statements, List<Finding> notes) {
        this.statements = statements;
        this.notes = notes;
    }

    public static Profile empty() {
        return EMPTY;
    }

    public static Profile of(List<Setting> statements) {
        return new Profile(List.copyOf(statements), List.of());
    }

    public static Profile of(List<Setting> statements, List<Finding> notes) {
        return new Profile(List.copyOf(statements), List.copyOf(notes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every statement, in document order, duplicates included. */
    public List<Setting> statements() {
        return statements;
    }

    /** What the reader ignored or doubted (unknown {@code ua}, nested elements, …), as warnings. */
    public List<Finding> notes() {
        return notes;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Merged statement per name, in order of first appearance (see class comment). */
    public Map<String, Setting> effective() {
        Map<String, Setting> e = effective;
        if (e == null) {
            Map<String, Setting> m = new LinkedHashMap<>(statements.size() * 2);
            for (Setting s : statements) {
                m.merge(s.name(), s, Profile::merge);
            }
            e = Collections.unmodifiableMap(m);
            effective = e;
        }
        return e;
    }

    /** The effective statement for {@code name}. */
    public Optional<Setting> get(String name) {
        return Optional.ofNullable(effective().get(name));
    }

    /** The effective value for {@code name}, or null when no statement sets one. */
    public String value(String name) {
        Setting s = effective().get(name);
        return s == null ? null : s.value();
    }

    /** This profile followed by {@code later}: statements of {@code later} win. Notes are kept. */
    public Profile overlay(Profile later) {
        if (later.isEmpty() && later.notes.isEmpty()) {
            return this;
        }
        List<Setting> all = new ArrayList<>(statements.size() + later.statements.size());
        all.addAll(statements);
        all.addAll(later.statements);
        List<Finding> n = new ArrayList<>(notes);
        n.addAll(later.notes);
        return new Profile(List.copyOf(all), List.copyOf(n));
    }

    /** A profile of the effective statements only (duplicates folded), positions of the last. */
    public Profile flatten() {
        return new Profile(List.copyOf(effective().values()), notes);
    }

    static Setting merge(Setting earlier, Setting later) {
        String value = later.value() != null ? later.value() : earlier.value();
        Access access = later.access() != null ? later.access() : earlier.access();
        return new Setting(later.name(), value, access, later.position());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && statements.equals(p.statements);
    }

    @Override
    public int hashCode() {
        return statements.hashCode();
    }

    @Override
    public String toString() {
        return "Profile" + effective().values();
    }

    /** Collects statements in order. Not thread-safe. */
    public static final class Builder {
        private final List<Setting> statements = new ArrayList<>();
        private final List<Finding> notes = new ArrayList<>();

        public Builder add(Setting s) {
            statements.add(s);
            return this;
        }

        public Builder set(String name, String value) {
            return add(Setting.of(name, value));
        }

        public Builder set(String name, String value, Access access) {
            return add(new Setting(name, value, access, Position.NONE));
        }

        public Builder note(Finding f) {
            notes.add(f);
            return this;
        }

        public Profile build() {
            return new Profile(List.copyOf(statements), List.copyOf(notes));
        }
    }
}
