package org.spaprov.server.site;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of the site's {@code firmware/} folder, held in memory with its validator. Immutable;
 * {@code bytes} must not be modified.
 *
 * @param name    the file name (what {@code /firmware/<name>} asks for)
 * @param bytes   the content
 * @param etag    quoted strong ETag (content hash)
 * @param model   the model from the image header, when the file is a spaprov image
 * @param version the version from the image header, when the file is a spaprov image
 */
public record FirmwareFile(String name, byte[] bytes, String etag, Optional<String> model, Optional<String> version) {
    public FirmwareFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(etag, "etag");
        model = model == null ? Optional.empty() : model;
        version = version == null ? Optional.empty() : version;
    }
}
