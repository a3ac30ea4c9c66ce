package org.spaprov.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.provision.BoundPorts;
import org.spaprov.server.provision.ProvisionChain;
import org.spaprov.server.store.ProvisionEvent;

/**
 * TFTP through the real chain and store (issue 10 "TFTP transfer outcomes", issue 9 rows 3, 11, 15): an RRQ's event
 * is recorded when its transfer ends and says what happened; a WRQ for a name that is no known device's report is
 * refused before any data; error texts are generic; a second server on the TFTP port fails with "port in use".
 */
class TftpOutcomesTest {
    private static final String DEVICE = "000e08cccccc";
    private static final String KEYED = "000e08cccc02";
    private static final String KEY = "Report-Key-1";
    @TempDir
    static Path site;
    static ServerCore core;
    static SpaprovServer server;
    static ProvisionChain chain;
    static InetSocketAddress tftp;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(site.resolve("spaprov.yaml"), """
                listen: {bind: 127.0.0.1, tftp: 0, http: -1, https: -1}
                tftp: {timeout: 100ms, retries: 1}
                """);
        Files.createDirectories(site.resolve("layers"));
        Files.writeString(site.resolve("layers/global.xml"),
                "<flat-profile>\n  <Proxy_1_>sip.example.com</Proxy_1_>\n</flat-profile>\n");
        Files.writeString(site.resolve("devices.csv"), "mac,model,serial,groups,key\n" + DEVICE + ",spa2102,SN1,,\n"
                + KEYED + ",spa2102,SN2,," + KEY + "\n");
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(site.resolve(".data")),
                Clock.systemUTC());
        core = server.core();
        chain = core.chain(new BoundPorts(-1, -1, -1));
        tftp = server.tftpAddress().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The tftp events for {@code file}, once one matching {@code until} is written (10 s at most). */
    private static List<ProvisionEvent> eventsFor(String file, Predicate<ProvisionEvent> until) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            core.store().flush();
            List<ProvisionEvent> events = core.store().recentEvents(1000).stream()
                    .filter(e -> e.protocol().equals("tftp") && e.file().equals(file)).toList();
            if (events.stream().anyMatch(until) || System.nanoTime() > deadline) {
                return events;
            }
            Thread.onSpinWait();
        }
    }

    private static DatagramSocket peer() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(DatagramSocket s, byte[] packet, InetSocketAddress to) throws IOException {
        s.send(new DatagramPacket(packet, packet.length, to));
    }

    private static byte[] request(int opcode, String file, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        out.writeBytes((file + "\0octet\0" + String.join("\0", options) + (options.length > 0 ? "\0" : ""))
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
        s.receive(p);
        return p;
    }

    private static String errorText(DatagramPacket p) {
        assertThat(p.getData()[1]).as("an ERROR packet").isEqualTo((byte) 5);
        return new String(p.getData(), 4, p.getLength() - 5, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aCompletedReadIsRecordedOnceWith200WhenItEnds() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        String file = "/spa" + DEVICE + ".xml";
        Proc.Result r = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "tftp://127.0.0.1:"
                + tftp.getPort() + file));
        assertThat(r.exit()).as(r.err()).isZero();
        List<ProvisionEvent> events = eventsFor(file, e -> e.status() == 200);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.mac()).contains(DEVICE);
            assertThat(e.bytes()).isEqualTo(r.out().length);
        });
    }

    @Test
    void anAbandonedReadIsRecordedAsTimedOutAndAClientAbortAsAborted() throws Exception {
        String file = "/spa" + DEVICE + ".cfg";
        try (DatagramSocket s = peer()) {
            send(s, request(1, file), tftp);
            DatagramPacket data = receive(s);
            assertThat(data.getData()[1]).as("DATA 1").isEqualTo((byte) 3);
            // never acknowledged
        }
        List<ProvisionEvent> timedOut = eventsFor(file, e -> e.status() == 408);
        assertThat(timedOut).singleElement().satisfies(e -> {
            assertThat(e.reason()).startsWith("timed out");
            assertThat(e.mac()).contains(DEVICE);
        });

        String xml = "/spa" + DEVICE + ".xml?abort"; // served like .xml, recorded under its own name
        try (DatagramSocket s = peer()) {
            send(s, request(1, xml), tftp);
            DatagramPacket data = receive(s);
            send(s, new byte[] {0, 5, 0, 0, 'n', 'o', 0}, (InetSocketAddress) data.getSocketAddress());
        }
        assertThat(eventsFor(xml, e -> e.status() == 499)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("aborted by the client"));
    }

    @Test
    void aRefusedReadIsRecordedOnceWithTheServicesStatus() throws Exception {
        String file = "/spa000e08ffffff.xml";
        String text;
        try (DatagramSocket s = peer()) {
            send(s, request(1, file), tftp);
            text = errorText(receive(s));
        }
        assertThat(text).isIn("File not found", "Access violation");
        List<ProvisionEvent> events = eventsFor(file, e -> e.status() >= 400);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.status()).isIn(403, 404));
    }

    @Test
    void aWrqForNoKnownDevicesReportIsRefusedBeforeAnyDataAndAKnownOneIsStored() throws Exception {
        String unknown = "/report-000e08ffffff.xml";
        try (DatagramSocket s = peer()) {
            send(s, request(2, unknown, "tsize", "1048576"), tftp);
            assertThat(errorText(receive(s))).isEqualTo("Access violation");
        }
        assertThat(eventsFor(unknown, e -> e.status() == 403)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("403"));
        Path reports = core.config().reportFolder();
        assertThat(reports.resolve("report-000e08ffffff.xml")).doesNotExist();

        Proc.assumeInstalled("/usr/bin/curl");
        // A report over plain TFTP is authenticated only by being encrypted with the device's key (issue 9 §1).
        String plainText = "<flat-profile><Proxy_1_>x</Proxy_1_></flat-profile>";
        Path report = site.resolve("r.xml");
        Files.writeString(report, plainText);
        Proc.Result clear = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "-T", report.toString(),
                "tftp://127.0.0.1:" + tftp.getPort() + "/report-" + DEVICE + ".xml"));
        assertThat(clear.exit()).as("a device without a key cannot report in clear").isNotZero();
        assertThat(reports.resolve("report-" + DEVICE + ".xml")).doesNotExist();

        Path sealed = site.resolve("r.xml.enc");
        Files.write(sealed, ProfileCodec.encode(plainText.getBytes(StandardCharsets.UTF_8), false, KEY, Digest.MD5));
        String known = "/report-" + KEYED + ".xml";
        Proc.Result r = Proc.run(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "-T", sealed.toString(),
                "tftp://127.0.0.1:" + tftp.getPort() + known));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(reports.resolve("report-" + KEYED + ".xml")).hasContent(plainText);
        assertThat(eventsFor(known, e -> e.status() == 200)).as("recorded once, by the report sink").hasSize(1);
    }

    /** Row 15: a refusal's reason (layer paths, lines, parameter names, lengths) never reaches a TFTP client. */
    @Test
    void errorTextsAreGenericWhateverTheServicesReason() throws Exception {
        FakeProvisioning reports = new FakeProvisioning();
        String detail = "validation: layers/secret.xml:3: GPP_A has 16 characters";
        for (int status : new int[] {500, 404, 403, 429}) {
            try (ProvisioningServer s = ProvisioningServer.start(NetSettings.loopback(Optional.empty())
                    .withPorts(0, -1, -1), r -> ProvisionResult.error(status, detail, Optional.empty()), reports,
                    Clock.systemUTC()); DatagramSocket peer = peer()) {
                send(peer, request(1, "/spa" + DEVICE + ".xml"), s.tftpAddress().orElseThrow());
                String text = errorText(receive(peer));
                assertThat(text).isIn("server error", "File not found", "Access violation", "server busy, try later")
                        .doesNotContain("layers", "GPP", "16");
            }
        }
    }

    @Test
    void aSecondServerOnTheSameTftpPortFailsWithPortInUse() {
        NetSettings same = NetSettings.loopback(Optional.empty()).withPorts(tftp.getPort(), -1, -1);
        assertThatThrownBy(() -> ProvisioningServer.start(same, new FakeProvisioning(), new FakeProvisioning(),
                Clock.systemUTC())).isInstanceOf(IOException.class)
                .hasMessage("cannot listen for tftp on 127.0.0.1:" + tftp.getPort() + ": port in use");
    }
}
