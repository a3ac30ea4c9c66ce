package org.spaprov.profile;

/**
 * Text that is safe to put in a message for a terminal or a log: control characters (C0, DEL, C1)
 * become {@code \xNN} escapes (a backslash stays as is), so a hostile file name or value cannot move
 * the cursor, clear the screen or forge a line. Stateless.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character escaped; null → {@code "null"}. */
    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\x%02x", (int) c & 0xff));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
