package org.spaprov.server.provision;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SPA's HTTP User-Agent, {@code Linksys/SPA-2102-5.2.12 (88012BA01234)} = vendor/PN-SWVER (SN)
 * (SPEC §9). Immutable.
 *
 * @param vendor      {@code Linksys}, {@code Cisco}
 * @param productName {@code SPA-2102}, {@code PAP2T}
 * @param version     firmware version, {@code 5.2.12}, {@code 2.0.6(b)}
 * @param serial      serial number, when given
 */
public record UserAgent(String vendor, String productName, String version, Optional<String> serial) {
    private static final Pattern UA = Pattern.compile(
            "([A-Za-z0-9 ._]+)/([A-Za-z0-9]+(?:-[A-Za-z][A-Za-z0-9]*|-[0-9]+(?=-))*)-([0-9][^\\s]*)\\s*(?:\\(([^)]*)\\))?.*");

    /** Parses; empty when the header is not in the SPA form. */
    public static Optional<UserAgent> parse(String header) {
        if (header == null || header.length() > 256) {
            return Optional.empty();
        }
        Matcher m = UA.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new UserAgent(m.group(1).trim(), m.group(2), m.group(3),
                Optional.ofNullable(m.group(4)).map(String::trim).filter(s -> !s.isEmpty())));
    }
}
