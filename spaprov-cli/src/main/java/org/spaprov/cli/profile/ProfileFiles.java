package org.spaprov.cli.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.spaprov.cli.UserException;
import org.spaprov.profile.Printable;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.codec.ProfileFormat;
import org.spaprov.profile.text.ImportResolver;
import org.spaprov.profile.text.TextProfileReader;
import org.spaprov.profile.xml.XmlProfileReader;

/**
 * Reads profile files for the CLI: XML when the content starts with {@code <}, plain text
 * otherwise (with {@code import} relative to the importing file). Errors become one-line
 * {@link UserException}s naming file, line and column.
 */
public final class ProfileFiles {
    private ProfileFiles() {
    }

    /** The bytes of a file, or a user error naming it. */
    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw UserException.invalid(file + ": no such file");
        } catch (IOException e) {
            throw UserException.invalid(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads an XML or plain-text profile. */
    public static Profile read(Path file) {
        return parse(bytes(file), file.toString());
    }

    /** Parses bytes already read (decoded) from {@code name}. */
    public static Profile parse(byte[] data, String name) {
        try {
            ProfileFormat format = ProfileFormat.detect(data);
            if (format == ProfileFormat.XML) {
                return XmlProfileReader.read(data, name);
            }
            if (format != ProfileFormat.UNKNOWN) {
                throw UserException.invalid(name + ": the file is gzipped or encrypted; use 'spaprov profile decode' first");
            }
            return TextProfileReader.read(new String(data, StandardCharsets.UTF_8), name, FILES);
        } catch (ProfileException e) {
            throw UserException.invalid(e.getMessage());
        }
    }

    /**
     * Imports relative to the importing file's folder and confined to it (no {@code ..} out, no
     * absolute path elsewhere, no symbolic link out), regular files only (no FIFO, device or
     * directory), at most {@link TextProfileReader#MAX_CHARS} bytes. Errors name the import, never
     * the content of what it points at.
     */
    static final ImportResolver FILES = (from, name, at) -> {
        String shown = Printable.of(name);
        try {
            Path base = Path.of(from).toAbsolutePath().normalize().getParent();
            if (base == null) {
                throw new ProfileException(at, "import " + shown + ": the importing file has no folder");
            }
            Path p = base.resolve(name).normalize();
            if (!p.startsWith(base)) {
                throw new ProfileException(at, "import " + shown + ": outside the folder of the importing file");
            }
            Path real = p.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw new ProfileException(at, "import " + shown + ": leads out of the folder of the importing file");
            }
            if (!Files.isRegularFile(real)) {
                throw new ProfileException(at, "import " + shown + ": not a regular file");
            }
            if (Files.size(real) > TextProfileReader.MAX_CHARS) {
                throw new ProfileException(at, "import " + shown + ": larger than " + TextProfileReader.MAX_CHARS + " bytes");
            }
            return new ImportResolver.Source(p.toString(), Files.readString(real, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ProfileException(at, "import " + shown + ": no such file");
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw new ProfileException(at, "cannot read import " + shown);
        }
    };
}
