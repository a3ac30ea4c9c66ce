package org.spaprov.device.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.state.BuiltinModel;
import org.spaprov.device.state.DirectoryStateStore;
import org.spaprov.device.state.PersistentState;

/** A device killed (SIGKILL) in the middle of a slow download restarts from its state dir with whole values. */
class KillMidDownloadTest {
    @TempDir
    Path tmp;

    @Test
    void killMidDownloadLeavesNoValueLostOrHalfApplied() throws Exception {
        Path www = Files.createDirectories(tmp.resolve("www/slow"));
        Files.writeString(tmp.resolve("www/one.xml"), RealPeersTest.xml("GPP_A", "1", "GPP_B", "1", "GPP_C", "keep"));
        StringBuilder big = new StringBuilder("<flat-profile><GPP_A>2</GPP_A>\n");
        for (int i = 0; i < 1000; i++) {
            big.append("<GPP_P>padding padding padding padding padding padding ").append(i).append("</GPP_P>\n");
        }
        Files.writeString(www.resolve("two.xml"), big.append("<GPP_B>2</GPP_B></flat-profile>\n"));
        Files.writeString(tmp.resolve("www/three.xml"), RealPeersTest.xml("GPP_A", "3", "GPP_B", "3"));
        int port = Peers.freeTcpPort();
        Process nginx = Peers.nginx(tmp.resolve("nginx"), "server { listen 127.0.0.1:" + port + "; root "
                + tmp.resolve("www") + "; location /slow/ { limit_rate 1k; } }", List.of(port));
        Path state = tmp.resolve("state");
        String base = "http://127.0.0.1:" + port;
        try {
            Process a = child(state, base + "/one.xml");
            BlockingQueue<String> outA = lines(a);
            assertThat(waitFor(outA, "done")).isEqualTo("done ok");
            a.destroyForcibly().waitFor();
            assertThat(values(state)).containsExactly("1", "1", "keep");

            Process b = child(state, base + "/slow/two.xml");
            BlockingQueue<String> outB = lines(b);
            assertThat(waitFor(outB, "resync-request")).endsWith("/slow/two.xml");
            b.destroyForcibly().waitFor(); // SIGKILL while nginx trickles the 60 KB profile at 1 KB/s
            assertThat(outB).noneMatch(l -> l.startsWith("done"));
            assertThat(values(state)).containsExactly("1", "1", "keep");

            Process c = child(state, base + "/three.xml");
            BlockingQueue<String> outC = lines(c);
            assertThat(waitFor(outC, "done")).isEqualTo("done ok");
            c.destroyForcibly().waitFor();
            assertThat(values(state)).containsExactly("3", "3", "keep");
        } finally {
            Peers.stop(nginx);
        }
    }

    private static List<String> values(Path state) throws Exception {
        var model = BuiltinModel.find("spa2102").orElseThrow();
        PersistentState s = new DirectoryStateStore(state).load(model).orElseThrow();
        return List.of(s.params().value(model, "GPP_A"), s.params().value(model, "GPP_B"), s.params().value(model, "GPP_C"));
    }

    private static Process child(Path state, String rule) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                state.toString(), rule).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String l;
                while ((l = r.readLine()) != null) {
                    q.add(l);
                }
            } catch (java.io.IOException e) {
                // process gone
            }
        });
        return q;
    }

    private static String waitFor(BlockingQueue<String> q, String prefix) throws InterruptedException {
        while (true) {
            String l = q.poll(30, TimeUnit.SECONDS);
            if (l == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within 30 s");
            }
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }
}
