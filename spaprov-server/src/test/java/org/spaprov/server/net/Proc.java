package org.spaprov.server.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real peer program with a timeout and captures its output. */
public final class Proc {
    /** What a program did. */
    public record Result(int exit, byte[] out, String err) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Proc() {
    }

    /** Set to 1 by CI (.ci/run), which installs every peer: a missing or failing peer then fails the test. */
    public static final String REQUIRE_PEERS = "SPAPROV_REQUIRE_PEERS";

    /**
     * A real peer the test needs (a program, a daemon that must start): when {@code available} is false
     * the test fails if $SPAPROV_REQUIRE_PEERS is 1 (CI, so a broken peer is never a green skip), and is
     * skipped otherwise (a developer's machine without the program).
     */
    public static void requirePeer(boolean available, String what) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_PEERS))) {
            org.junit.jupiter.api.Assertions.fail(what + " ($" + REQUIRE_PEERS + " is set, so peers are required)");
        }
        org.junit.jupiter.api.Assumptions.abort(what);
    }

    /** Fails (CI) or skips the test when {@code program} is not installed: {@link #requirePeer}. */
    public static void assumeInstalled(String program) {
        requirePeer(Files.isExecutable(Path.of(program)), program + " is not installed");
    }

    public static Result run(List<String> cmd) throws Exception {
        return run(cmd, null);
    }

    public static Result run(List<String> cmd, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS),
                new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
