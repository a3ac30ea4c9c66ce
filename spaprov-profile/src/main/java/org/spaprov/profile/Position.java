package org.spaprov.profile;

/**
 * Where something stands in a source file: 1-based line and column. {@code file} is a display
 * name (a path as the user gave it, or {@code <string>}), never opened by this package.
 */
public record Position(String file, int line, int column) {
    /** A position for values that come from no file (API, CLI arguments). */
    public static final Position NONE = new Position("<none>", 0, 0);

    public Position {
        file = file == null ? "<none>" : file;
    }

    /** The position {@code delta} columns to the right, on the same line. */
    public Position plusColumns(int delta) {
        return new Position(file, line, column + delta);
    }

    /** {@code file:line:col}, the prefix of every finding. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
