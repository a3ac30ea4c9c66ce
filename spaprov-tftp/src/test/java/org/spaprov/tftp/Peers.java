package org.spaprov.tftp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real peer programs for interop tests; each test skips when its binary is missing. */
final class Peers {

    static final String IN_TFTPD = "/usr/sbin/in.tftpd";
    static final String TFTP = "/usr/bin/tftp";
    static final String CURL = "/usr/bin/curl";

    private Peers() {
    }

    static void assumeInstalled(String binary) {
        assumeTrue(Files.isExecutable(Path.of(binary)), binary + " is not installed");
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
                assumeTrue(process.isAlive(), "in.tftpd did not start (exit " + (process.isAlive() ? "" : process.exitValue()) + ")");
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
            assumeTrue(false, "in.tftpd did not answer");
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
