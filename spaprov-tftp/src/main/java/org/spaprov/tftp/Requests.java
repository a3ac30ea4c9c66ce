package org.spaprov.tftp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Shared checks for request and OACK records (package-private). */
final class Requests {

    private Requests() {
    }

    static String checkFilename(String filename) {
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("file name is empty");
        }
        if (filename.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("file name contains NUL");
        }
        if (filename.getBytes(StandardCharsets.UTF_8).length > TftpCodec.MAX_FILENAME_BYTES) {
            throw new IllegalArgumentException("file name longer than " + TftpCodec.MAX_FILENAME_BYTES + " bytes");
        }
        return filename;
    }

    static Map<String, String> copyOptions(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return Map.of();
        }
        if (options.size() > TftpCodec.MAX_OPTIONS) {
            throw new IllegalArgumentException("more than " + TftpCodec.MAX_OPTIONS + " options");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            checkOptionText(name, TftpCodec.MAX_OPTION_NAME_BYTES);
            checkOptionText(value, TftpCodec.MAX_OPTION_VALUE_BYTES);
            copy.put(name.toLowerCase(Locale.ROOT), value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkOptionText(String text, int max) {
        if (text == null || text.indexOf('\0') >= 0 || text.length() > max) {
            throw new IllegalArgumentException("bad option text: " + text);
        }
    }
}
