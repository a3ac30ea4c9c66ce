package org.spaprov.cli.rule;

import org.spaprov.cli.UserException;

/** Turns a 0-based offset from the rules module into the 1-based column users read. */
final class Columns {
    private Columns() {
    }

    static int human(int offset) {
        return offset + 1;
    }

    static UserException malformed(String what, int offset, String message) {
        return UserException.invalid(what + " is malformed at column " + human(offset) + ": " + message);
    }
}
