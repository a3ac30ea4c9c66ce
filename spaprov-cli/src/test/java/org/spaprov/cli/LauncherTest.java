package org.spaprov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spaprov} launcher works when symlinked onto the PATH, as the tutorial suggests: it finds
 * {@code scripts/find-jdk.sh} and the jar through the link. The real launcher and find-jdk.sh are copied
 * into a scratch repository whose {@code spaprov.jar} is a manifest-only jar over this build's class
 * path, so the launcher has nothing to rebuild.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void theLauncherRunsThroughASymlinkOnThePath() throws Exception {
        Path repo = Path.of(System.getProperty("spaprov.repo", "..")).toAbsolutePath().normalize();
        Path copy = Files.createDirectories(tmp.resolve("repo/scripts"));
        Files.copy(repo.resolve("spaprov"), tmp.resolve("repo/spaprov"));
        Files.copy(repo.resolve("scripts/find-jdk.sh"), copy.resolve("find-jdk.sh"));
        writeClassPathJar(Files.createDirectories(tmp.resolve("repo/spaprov-cli/target")).resolve("spaprov.jar"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("spaprov"), tmp.resolve("repo/spaprov"));

        Result version = bash("spaprov --version", bin);
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("spaprov ").doesNotContain("No such file");
        Result help = bash("spaprov models --help", bin);
        assertThat(help.code()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: spaprov models");
    }

    private record Result(int code, String output) {
    }

    /** Runs {@code command} in bash from an unrelated directory, with {@code bin} first on the PATH. */
    private Result bash(String command, Path bin) throws IOException, InterruptedException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(elsewhere.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A jar with only a manifest: Main-Class and this test's class path. */
    private static void writeClassPathJar(Path jar) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
    }
}
