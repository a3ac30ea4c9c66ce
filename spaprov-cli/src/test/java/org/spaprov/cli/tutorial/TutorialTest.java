package org.spaprov.cli.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.spaprov.cli.Peers.requirePeer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ```sh} block of {@code docs/tutorial.md}, in order, in one bash in a fresh directory,
 * with {@code spaprov} being this build ({@code java -cp <test class path> org.spaprov.cli.Main}), and checks
 * that each block shows the {@code ```text} output the document gives after it ({@link OutputMatch}). The
 * document's ports (6969, 8080, 8443, 5514, 8081) are replaced by free loopback ports picked now, so the
 * test runs beside other servers. Background jobs ({@code spaprov serve &}) are stopped when the script ends.
 * Skips when bash, openssl, gzip, curl, python3 or timeout is missing.
 */
class TutorialTest {
    private static final Pattern DOC_PORTS = Pattern.compile("\\b(6969|8080|8443|5514|8081)\\b");
    private static final Map<String, Boolean> UDP = Map.of("6969", true, "5514", true, "8080", false, "8443", false,
            "8081", false);
    private static final String MARK = "@@TUTORIAL-STEP ";

    @TempDir
    Path work;

    @Test
    void everyCommandOfTheTutorialRunsAndShowsWhatTheDocumentSays() throws Exception {
        for (String tool : List.of("bash", "openssl", "gzip", "gunzip", "curl", "python3", "timeout")) {
            requirePeer(onPath(tool).isPresent(), tool + " is not installed");
        }
        String doc = Files.readString(repo().resolve("docs/tutorial.md"), StandardCharsets.UTF_8);
        DocBlocks blocks = DocBlocks.parse(withFreePorts(doc));
        assertThat(blocks.steps()).hasSizeGreaterThan(10);

        Path bin = Files.createDirectories(work.resolve("bin"));
        writeLauncher(bin.resolve("spaprov"));
        Path run = Files.createDirectories(work.resolve("run"));
        StringBuilder script = new StringBuilder("set -eo pipefail\nexec 2>&1\n"
                + "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n");
        for (int i = 0; i < blocks.steps().size(); i++) {
            script.append("echo '").append(MARK).append(i).append("'\n").append(blocks.steps().get(i).script());
        }
        script.append("echo '").append(MARK).append("end'\n");
        Files.writeString(work.resolve("tutorial.sh"), script);

        Path out = work.resolve("output.txt");
        ProcessBuilder pb = new ProcessBuilder(onPath("bash").orElseThrow().toString(), work.resolve("tutorial.sh").toString())
                .directory(run.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        boolean ended = p.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String all = Files.readString(out, StandardCharsets.UTF_8);
        Map<String, String> outputs = split(all);
        if (!ended || p.exitValue() != 0 || !outputs.containsKey("end")) {
            int failed = lastStep(outputs);
            DocBlocks.Step s = blocks.steps().get(Math.max(0, failed));
            fail("docs/tutorial.md:" + s.line() + ": the block starting '" + s.firstLine() + "' "
                    + (ended ? "failed (exit " + p.exitValue() + ")" : "did not finish in 8 minutes")
                    + "; its output:\n" + outputs.getOrDefault(String.valueOf(failed), all));
        }
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < blocks.steps().size(); i++) {
            DocBlocks.Step s = blocks.steps().get(i);
            if (s.expected().isEmpty()) {
                continue;
            }
            String actual = outputs.getOrDefault(String.valueOf(i), "");
            Optional<String> missing = OutputMatch.firstMissing(s.expected().get(), actual);
            soft.assertThat(missing).as("docs/tutorial.md:%d '%s': expected line not shown (in order); the output was:%n%s",
                    s.line(), s.firstLine(), actual).isEmpty();
        }
        soft.assertAll();
    }

    /** Splits the script's output at the step markers: step index (or "end") → that step's output. */
    private static Map<String, String> split(String all) {
        Map<String, String> m = new HashMap<>();
        String current = null;
        StringBuilder b = new StringBuilder();
        for (String line : all.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                if (current != null) {
                    m.put(current, b.toString());
                }
                current = line.substring(MARK.length()).trim();
                b.setLength(0);
            } else if (current != null) {
                b.append(line).append('\n');
            }
        }
        if (current != null) {
            m.put(current, b.toString());
        }
        return m;
    }

    private static int lastStep(Map<String, String> outputs) {
        return outputs.keySet().stream().filter(k -> k.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0);
    }

    /** The document with each of its ports replaced by a free loopback port (the same one everywhere). */
    private static String withFreePorts(String doc) throws IOException {
        Map<String, String> ports = new HashMap<>();
        List<AutoCloseable> held = new ArrayList<>();
        try {
            for (Map.Entry<String, Boolean> e : UDP.entrySet()) {
                InetAddress lo = InetAddress.getLoopbackAddress();
                if (e.getValue()) {
                    DatagramSocket s = new DatagramSocket(0, lo);
                    held.add(s);
                    ports.put(e.getKey(), String.valueOf(s.getLocalPort()));
                } else {
                    ServerSocket s = new ServerSocket(0, 1, lo);
                    held.add(s);
                    ports.put(e.getKey(), String.valueOf(s.getLocalPort()));
                }
            }
        } finally {
            for (AutoCloseable c : held) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a port we only looked at
                }
            }
        }
        Matcher m = DOC_PORTS.matcher(doc);
        return m.replaceAll(r -> ports.get(r.group(1)));
    }

    /** {@code spaprov} = this build's CLI on the test class path. */
    private static void writeLauncher(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(file, "#!/bin/sh\nexec " + quote(java) + " -XX:TieredStopAtLevel=1 -Xshare:auto"
                + " --enable-native-access=ALL-UNNAMED -cp " + quote(cp) + " org.spaprov.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Path repo() {
        String p = System.getProperty("spaprov.repo");
        Path r = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        return r.toAbsolutePath().normalize();
    }

    private static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path f = Path.of(dir, tool);
            if (Files.isExecutable(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
