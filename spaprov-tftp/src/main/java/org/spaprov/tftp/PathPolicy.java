package org.spaprov.tftp;

/**
 * Which request paths reach the source or sink at all (package-private). Refused: NUL and
 * other control characters, backslashes, drive letters ({@code C:}), empty segments (so no
 * {@code //host} or trailing {@code /}), {@code .} and {@code ..} segments. One leading {@code /}
 * is optional; accepted paths are returned with exactly one.
 */
final class PathPolicy {

    private PathPolicy() {
    }

    /** The normalised path, or null when refused ({@link #reason} says why). */
    static String normalise(String raw) {
        return reason(raw) == null ? (raw.startsWith("/") ? raw : "/" + raw) : null;
    }

    /** Why {@code raw} is refused, or null when it is acceptable. */
    static String reason(String raw) {
        if (raw.isEmpty()) {
            return "empty file name";
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "control character in file name";
            }
            if (c == '\\') {
                return "backslash in file name";
            }
        }
        if (raw.length() >= 2 && raw.charAt(1) == ':' && Character.isLetter(raw.charAt(0))) {
            return "drive letter in file name";
        }
        String rest = raw.startsWith("/") ? raw.substring(1) : raw;
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty path segment";
            }
            if (segment.equals("..") || segment.equals(".")) {
                return "'" + segment + "' in path";
            }
        }
        return null;
    }
}
