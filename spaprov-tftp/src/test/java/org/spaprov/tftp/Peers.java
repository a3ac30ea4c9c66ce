package org.spaprov.tftp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real peer programs for interop tests; a missing binary fails the test in CI, else skips it. */
final class Peers {

    static final String IN_TFTPD = "/usr/sbin/in.tftpd";
    static final String TFTP = "/usr/bin/tftp";
    static final String CURL = "/usr/bin/curl";

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

    static void assumeInstalled(String binary) {
        requirePeer(Files.isExecutable(Path.of(binary)), binary + " is not installed");
    }

    /** A UDP port that was free a moment ago on 127.0.0.1. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** Runs a command to completion; returns its exit code, output in {@code log}. */
    static int run(Path workDir, Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return p.waitFor();
    }

    /** tftpd-hpa in the foreground on 127.0.0.1, serving {@code dir}; stopped by {@link #close()}. */
    static final class InTftpd implements AutoCloseable {
        final Process process;
        final InetSocketAddress address;

        private InTftpd(Process process, InetSocketAddress address) {
            this.process = process;
            this.address = address;
        }

        static InTftpd start(Path dir, boolean uploads, String... extra) throws Exception {
            assumeInstalled(IN_TFTPD);
            int port = freeUdpPort();
            List<String> cmd = new ArrayList<>(List.of(IN_TFTPD, "-L", "-a", "127.0.0.1:" + port,
                    "-u", System.getProperty("user.name")));
            if (uploads) {
                cmd.addAll(List.of("-c", "-p", "-U", "000"));
            }
            cmd.addAll(List.of(extra));
            cmd.addAll(List.of("-s", dir.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolveSibling(dir.getFileName() + "-tftpd.log").toFile()).start();
            InTftpd d = new InTftpd(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            d.awaitReady();
            return d;
        }

        /** Polls with a probe read until the daemon answers (socket timeouts, no sleeps). */
        private void awaitReady() throws Exception {
            TftpClientOptions probe = TftpClientOptions.plain()
                    .withRetransmitTimeout(java.time.Duration.ofMillis(50)).withMaxRetries(3);
            for (int i = 0; i < 40; i++) {
                requirePeer(process.isAlive(), "in.tftpd did not start (exit " + (process.isAlive() ? "" : process.exitValue()) + ")");
                try {
                    new TftpClient().get(address, "__readiness_probe__", probe);
                    return;
                } catch (TftpException e) {
                    if (e.kind() != TftpException.Kind.TIMEOUT) {
                        return; // any answer means it is listening
                    }
                }
            }
            close();
            requirePeer(false, "in.tftpd did not answer");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
