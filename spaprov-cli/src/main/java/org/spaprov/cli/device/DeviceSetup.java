package org.spaprov.cli.device;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.spaprov.cli.UserException;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.fetch.Pem;

/** Option parsing shared by {@code emulate} and {@code fleet}: one-line user errors, no stack traces. */
final class DeviceSetup {
    private DeviceSetup() {
    }

    /** Reads one PEM file ({@link Pem}); throws only {@link IOException}. */
    interface PemReader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * Devices resolve names on every attempt (SPEC §6.3: multiply resolved servers, DNS changes);
     * the JDK would otherwise cache answers for 30 s. Must run before the first lookup.
     */
    static void resolveEveryTime() {
        java.security.Security.setProperty("networkaddress.cache.ttl", "0");
        java.security.Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }

    static String mac(String mac) {
        try {
            return DeviceIdentity.normalizeMac(mac);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }

    static Optional<ClientCredentials> cert(Path cert, Path key) {
        if (cert == null && key == null) {
            return Optional.empty();
        }
        if (cert == null || key == null) {
            throw UserException.usage("--cert and --cert-key go together");
        }
        return Optional.of(new ClientCredentials(pem("--cert", cert, Pem::certificates),
                pem("--cert-key", key, Pem::privateKey)));
    }

    /** Reads the PEM file of {@code option}, or invalid input saying what is wrong with the file. */
    static <T> T pem(String option, Path file, PemReader<T> reader) {
        String what = option + " " + file + ": ";
        if (!Files.exists(file)) {
            throw UserException.invalid(what + "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw UserException.invalid(what + "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw UserException.invalid(what + "cannot read it (permission denied)");
        }
        try {
            return reader.read(file);
        } catch (IOException | RuntimeException e) {
            throw UserException.invalid(what + reason(file, e));
        }
    }

    /** Pem's messages start with the file name; say it once. */
    private static String reason(Path file, Exception e) {
        if (e instanceof CharacterCodingException) {
            return "not a PEM file (it is not text)";
        }
        String m = String.valueOf(e.getMessage());
        return m.startsWith(file + ": ") ? m.substring(file.toString().length() + 2) : m;
    }
}
