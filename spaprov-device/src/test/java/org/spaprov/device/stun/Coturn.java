package org.spaprov.device.stun;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.spaprov.device.peers.Peers;

/**
 * Debian's coturn {@code turnserver} as a STUN-only server on 127.0.0.1 and a free UDP port, no
 * auth, no TLS, no CLI; its log goes to {@code dir/turnserver.log}. A missing binary fails the test
 * (CI installs coturn): a skipped interop test would pass green.
 */
final class Coturn implements AutoCloseable {
    static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    final Process process;
    final InetSocketAddress address;

    private Coturn(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    static Coturn start(Path dir) throws IOException {
        assertTrue(Files.isExecutable(TURNSERVER), TURNSERVER + " missing: apt-get install coturn");
        int port = Peers.freeUdpPort();
        Process p = new ProcessBuilder(List.of(TURNSERVER.toString(), "-n", "--stun-only", "--no-auth",
                "-L", "127.0.0.1", "--listening-port", String.valueOf(port), "--no-tls", "--no-dtls", "--no-cli",
                "--log-file", "stdout", "--simple-log", "--pidfile", dir.resolve("turnserver.pid").toString(),
                "--userdb", dir.resolve("turndb").toString(), "--no-software-attribute"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("turnserver.log").toFile()).start();
        Coturn c = new Coturn(p, new InetSocketAddress("127.0.0.1", port));
        // ready when it answers a binding request (each try waits 16 x 50 ms for the answer)
        StunClient probe = new StunClient(Duration.ofMillis(50), 1);
        boolean up = Peers.await(() -> {
            try {
                probe.bind(c.address);
                return true;
            } catch (IOException e) {
                return !p.isAlive();
            }
        }, Duration.ofSeconds(20));
        if (!up || !p.isAlive()) {
            c.close();
            throw new IOException("turnserver did not start: " + Files.readString(dir.resolve("turnserver.log")));
        }
        return c;
    }

    @Override
    public void close() {
        Peers.stop(process);
    }
}
