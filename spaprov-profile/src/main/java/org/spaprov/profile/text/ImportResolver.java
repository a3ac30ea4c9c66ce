package org.spaprov.profile.text;

import org.spaprov.profile.Position;
import org.spaprov.profile.ProfileException;

/**
 * Finds the text of an {@code import name} statement (SPEC §2.2). The profile package does no
 * I/O: callers (the CLI, the server) supply a resolver that reads files relative to the importing
 * file. Implementations throw {@link ProfileException} naming the import's position when the file
 * cannot be read.
 */
@FunctionalInterface
public interface ImportResolver {
    /** A resolver that refuses every import. */
    ImportResolver NONE = (from, name, at) -> {
        throw new ProfileException(at, "import is not allowed here: " + name);
    };

    /** The imported source; {@code fileName} must identify it uniquely (for cycle detection). */
    record Source(String fileName, String text) {
    }

    Source resolve(String fromFile, String name, Position at) throws ProfileException;
}
