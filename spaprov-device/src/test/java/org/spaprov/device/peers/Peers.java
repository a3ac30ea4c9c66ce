package org.spaprov.device.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Starts real servers on 127.0.0.1 for end-to-end tests; a missing binary fails the test in CI, else skips it. */
public final class Peers {
    public static final Path TFTPD = Path.of("/usr/sbin/in.tftpd");
    public static final Path NGINX = Path.of("/usr/sbin/nginx");

    private Peers() {
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

    public static void assumeBinary(Path p) {
        requirePeer(Files.isExecutable(p), p + " is not installed");
    }

    public static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }

    /** tftpd-hpa in the foreground serving {@code dir}. */
    public static Process tftpd(Path dir, int port) throws IOException {
        assumeBinary(TFTPD);
        return new ProcessBuilder(TFTPD.toString(), "-L", "-a", "127.0.0.1:" + port, "-s", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling("tftpd.log").toFile()).start();
    }

    /** nginx with the given {@code http { ... }} servers, prefix {@code prefix}; returns once it listens on {@code ports}. */
    public static Process nginx(Path prefix, String servers, List<Integer> ports) throws IOException {
        assumeBinary(NGINX);
        Files.createDirectories(prefix.resolve("logs"));
        String conf = "user root; worker_processes 1; daemon off; master_process off; pid " + prefix.resolve("nginx.pid")
                + "; error_log " + prefix.resolve("logs/error.log") + ";\n"
                + "events { worker_connections 256; }\n"
                + "http { access_log " + prefix.resolve("logs/access.log") + "; default_type application/xml;\n"
                + "  client_body_temp_path " + prefix.resolve("tmp") + "; proxy_temp_path " + prefix.resolve("tmp")
                + "; fastcgi_temp_path " + prefix.resolve("tmp") + "; uwsgi_temp_path " + prefix.resolve("tmp")
                + "; scgi_temp_path " + prefix.resolve("tmp") + ";\n" + servers + "\n}\n";
        Files.createDirectories(prefix.resolve("tmp"));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(NGINX.toString(), "-c", file.toString(), "-p", prefix.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        for (int port : ports) {
            boolean up = await(() -> !p.isAlive() || listening(port), Duration.ofSeconds(10));
            if (!up || !p.isAlive()) {
                throw new IOException("nginx did not start: " + Files.readString(prefix.resolve("logs/error.log")));
            }
        }
        return p;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code cond} every 20 ms (parking, not sleeping the test logic) until true or timeout. */
    public static boolean await(BooleanSupplier cond, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return cond.getAsBoolean();
    }

    public static void stop(Process p) {
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a command (openssl, gzip) and fails with its output when it does not exit 0. */
    public static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        assumeBinary(Path.of(cmd[0]));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
