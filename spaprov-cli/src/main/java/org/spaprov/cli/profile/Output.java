package org.spaprov.cli.profile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spaprov.cli.UserException;

/** Writes a command's result to {@code -o FILE} (atomically) or to standard output. */
public final class Output {
    private Output() {
    }

    public static void write(Path out, byte[] data, PrintWriter stdout) {
        if (out == null) {
            stdout.print(new String(data, StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        try {
            Path abs = out.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw UserException.invalid(out + ": cannot write: " + e.getMessage());
        }
    }

    public static void write(Path out, String text, PrintWriter stdout) {
        write(out, text.getBytes(StandardCharsets.UTF_8), stdout);
    }
}
