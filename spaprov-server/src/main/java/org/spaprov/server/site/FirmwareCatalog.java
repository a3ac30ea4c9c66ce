package org.spaprov.server.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.spaprov.profile.firmware.FirmwareException;
import org.spaprov.profile.firmware.FirmwareImage;

/**
 * The firmware images of a site ({@code firmware/*}, flat): served by name under
 * {@code /firmware/}, and indexed by (model, version) from the spaprov image header
 * * ({@link FirmwareImage}) for the generated {@code Upgrade_Rule}.
 * Symbolic links and sub-folders are not served. Immutable and thread-safe.
 */
public final class FirmwareCatalog {
    /** Largest image kept (64 MiB). */
    public static final long MAX_IMAGE = 64L * 1024 * 1024;
    private static final FirmwareCatalog EMPTY = new FirmwareCatalog(Map.of());

    private final Map<String, FirmwareFile> byName;

    private FirmwareCatalog(Map<String, FirmwareFile> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static FirmwareCatalog empty() {
        return EMPTY;
    }

    /** Reads every regular file of {@code dir} (missing folder = empty catalog). */
    public static FirmwareCatalog load(Path dir) throws SiteException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return EMPTY;
        }
        Map<String, FirmwareFile> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.size(p) > MAX_IMAGE) {
                    throw SiteException.at("firmware/" + name, 0, "larger than " + MAX_IMAGE + " bytes");
                }
                byte[] b = Files.readAllBytes(p);
                Optional<FirmwareImage> img = image(b);
                files.put(name, new FirmwareFile(name, b, etag(b),
                        img.map(i -> i.model().toLowerCase(Locale.ROOT).replace("-", "")), img.map(FirmwareImage::version)));
            }
        } catch (IOException e) {
            throw SiteException.at("firmware", 0, "cannot read: " + e.getMessage());
        }
        return new FirmwareCatalog(files);
    }

    /** The file served as {@code /firmware/<name>}. */
    public Optional<FirmwareFile> file(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The image of {@code model} at {@code version}, from the image headers. */
    public Optional<FirmwareFile> image(String model, String version) {
        return byName.values().stream()
                .filter(f -> f.model().equals(Optional.of(model)) && f.version().equals(Optional.of(version)))
                .findFirst();
    }

    public Map<String, FirmwareFile> files() {
        return byName;
    }

    /** A quoted strong ETag: the first 16 bytes of the SHA-256 of the content, in hex. */
    public static String etag(byte[] content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image header when the file is a valid spaprov image (other files are served, not indexed). */
    private static Optional<FirmwareImage> image(byte[] b) {
        try {
            return Optional.of(FirmwareImage.parse(b));
        } catch (FirmwareException e) {
            return Optional.empty();
        }
    }
}
