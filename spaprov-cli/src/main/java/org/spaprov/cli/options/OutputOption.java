package org.spaprov.cli.options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.spaprov.cli.UserException;
import picocli.CommandLine.Option;

/** {@code -o/--output OUT}: where a command writes its result; standard output without it. */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path out;

    /** Writes {@code text} to OUT (atomically) or to {@code stdout}. */
    public void write(String text, PrintWriter stdout) {
        write(out, text.getBytes(StandardCharsets.UTF_8), stdout);
    }

    /** Writes {@code data} to OUT (atomically) or to {@code stdout}. */
    public void write(byte[] data, PrintWriter stdout) {
        write(out, data, stdout);
    }

    /** Writes {@code data} to {@code out} through a temporary file and a rename, or to {@code stdout} when null. */
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
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw UserException.invalid(out + ": cannot write: " + e.getMessage());
        }
    }
}
