package org.spaprov.device.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.spaprov.device.peers.Peers;

/**
 * sipp as a registrar ({@code /sipp/register_uas.xml}) on 127.0.0.1 and a free UDP port: two rounds
 * of 401, digest check with sipp's {@code verifyauth}, 200 granting {@code expires} seconds. A missing
 * sipp fails the test (CI installs sip-tester).
 */
final class SippRegistrar implements AutoCloseable {
    static final Path SIPP = Path.of("/usr/bin/sipp");
    final int port;
    final Path dir;
    private final Process process;

    private SippRegistrar(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts sipp expecting user {@code user} with {@code password}. */
    static SippRegistrar start(Path dir, String user, String password, int expires) throws Exception {
        assertTrue(Files.isExecutable(SIPP), "sipp missing: apt-get install sip-tester");
        int port = Peers.freeUdpPort();
        Path sf = dir.resolve("register_uas.xml");
        try (InputStream in = SippRegistrar.class.getResourceAsStream("/sipp/register_uas.xml")) {
            Files.copy(in, sf, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder(List.of(SIPP.toString(), "-sf", sf.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-key", "user", user, "-key", "password", password,
                "-key", "expires", String.valueOf(expires), "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_msg", "-message_file", dir.resolve("messages.log").toString(), "-trace_err",
                "-error_file", dir.resolve("errors.log").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile())
                .start();
        return new SippRegistrar(port, dir, p);
    }

    /** sipp's exit code once the scenario ended (0: every round passed). */
    int exitCode() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sipp finished");
        return process.exitValue();
    }

    /** Every SIP message sipp received and sent. */
    String messages() throws Exception {
        return Files.readString(dir.resolve("messages.log"), StandardCharsets.ISO_8859_1);
    }

    /** The tail of sipp's logs, for failure messages. */
    String log() {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path p : files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".out")).toList()) {
                String s = Files.readString(p, StandardCharsets.ISO_8859_1);
                b.append("--- ").append(p.getFileName()).append('\n')
                        .append(s.length() > 3000 ? s.substring(s.length() - 3000) : s);
            }
            return b.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        Peers.stop(process);
    }
}
