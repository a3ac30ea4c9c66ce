package org.spaprov.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.stun.StunCodec;
import org.spaprov.device.stun.StunMessage;
import org.spaprov.profile.firmware.FirmwareImage;

class EmulateCommandTest {
    @TempDir
    Path dir;
    HttpServer http;
    String base;

    @BeforeEach
    void serve() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            Path f = dir.resolve(ex.getRequestURI().getPath().substring(1));
            byte[] body = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
            ex.sendResponseHeaders(Files.isRegularFile(f) ? 200 : 404, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void resyncPrintsEventLinesAndTheConfigWithoutSecrets() throws Exception {
        Files.writeString(dir.resolve("spa000e08aabbcc.xml"),
                "<flat-profile><GPP_A>hello</GPP_A><GPP_SB>topsecret</GPP_SB></flat-profile>");
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "00:0E:08:AA:BB:CC", "--set", "Resync_Random_Delay=0",
                "--set", "Profile_Rule=" + base + "/spa$MA.xml", "--print-config");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("boot spa2102 000e08aabbcc 5.2.12\n"
                + "resync-request http://127.0.0.1:" + http.getAddress().getPort() + "/spa000e08aabbcc.xml\n"
                + "resync-success\nreboot\nboot spa2102 000e08aabbcc 5.2.12\n");
        assertThat(r.out()).contains("<GPP_A ua=\"na\">hello</GPP_A>").contains("<flat-profile>")
                .doesNotContain("topsecret").doesNotContain("GPP_SB");
    }

    @Test
    void extipIsTheConfiguredExtIp() throws Exception {
        // SPEC §15.25: "$EXTIP: the configured EXT_IP when set; else, with STUN_Enable, the mapped address ..."
        Files.writeString(dir.resolve("spa-66.43.16.52.xml"), "<flat-profile/>");
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_Random_Delay=0",
                "--set", "EXT_IP=66.43.16.52", "--set", "STUN_Enable=Yes", "--set", "STUN_Server=127.0.0.1:9",
                "--set", "Profile_Rule=" + base + "/spa-$EXTIP.xml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resync-request " + base + "/spa-66.43.16.52.xml\nresync-success\n");
    }

    @Test
    void extipIsWhatTheStunServerSaw() throws Exception {
        // emulate wires STUN in (coturn itself is the peer of StunCoturnTest); this responder answers
        // every Binding request with the sender's address
        try (DatagramSocket stun = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread responder = Thread.ofVirtual().start(() -> answerStun(stun));
            Files.writeString(dir.resolve("spa-127.0.0.1.xml"), "<flat-profile/>");
            DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_Random_Delay=0",
                    "--set", "STUN_Enable=Yes", "--set", "STUN_Server=127.0.0.1:" + stun.getLocalPort(),
                    "--set", "Profile_Rule=" + base + "/spa-$EXTIP.xml");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("resync-request " + base + "/spa-127.0.0.1.xml\nresync-success\n");
            responder.interrupt();
        }
    }

    private static void answerStun(DatagramSocket s) {
        byte[] buf = new byte[1500];
        while (!s.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                if (StunCodec.decode(p.getData(), p.getLength()).orElse(null)
                        instanceof StunMessage.BindingRequest req) {
                    byte[] out = StunCodec.encode(new StunMessage.BindingSuccess(req.id(),
                            Optional.of((InetSocketAddress) p.getSocketAddress())));
                    s.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Test
    void aFailedResyncExitsOneAndStillPrintsTheConfig() {
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_Random_Delay=0",
                "--set", "Profile_Rule=" + base + "/missing.xml", "--print-config", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("{\"event\":\"resync-failure\",\"err\":\"file not found\"}")
                .contains("\"config\":{").contains("\"Profile_Rule\":\"" + base + "/missing.xml\"");
    }

    @Test
    void untilUpgradeWithAFirmwareMadeByTheCli() throws Exception {
        DeviceCliRun mk = DeviceCliRun.run("firmware", "make", "--model", "spa2102", "--version", "5.3.0",
                "--size", "1000", "-o", dir.resolve("fw.bin").toString());
        assertThat(mk.code()).as(mk.err()).isZero();
        assertThat(FirmwareImage.parse(Files.readAllBytes(dir.resolve("fw.bin"))).version()).isEqualTo("5.3.0");
        Path state = dir.resolve("state");
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--state-dir", state.toString(),
                "--set", "Resync_Random_Delay=0", "--set", "Profile_Rule=", "--set", "Resync_After_Upgrade_Attempt=No",
                "--set", "Upgrade_Rule=($SWVER ne 5.3.0)? " + base + "/fw.bin", "--until", "upgrade");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("upgrade-request http://127.0.0.1:" + http.getAddress().getPort() + "/fw.bin\n"
                + "upgrade-success 5.3.0\nreboot\nboot spa2102 000e08aabbcc 5.3.0\n");
        // the state dir remembers the new load; with nothing left to upgrade, --until upgrade fails
        DeviceCliRun again = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--state-dir", state.toString(),
                "--until", "upgrade");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).startsWith("boot spa2102 000e08aabbcc 5.3.0\n");
        assertThat(again.err()).contains("no upgrade attempted");
    }

    @Test
    void untilUpgradeWaitsThroughTheRebootOfChangedValues() throws Exception {
        Files.writeString(dir.resolve("p.xml"), "<flat-profile><GPP_A>changed</GPP_A></flat-profile>");
        Files.write(dir.resolve("fw2.bin"), FirmwareImage.make("spa2102", "5.3.1", new byte[100]));
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_Random_Delay=0",
                "--set", "Profile_Rule=" + base + "/p.xml", "--set", "Upgrade_Rule=" + base + "/fw2.bin", "--until", "upgrade");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("resync-success\nreboot\nboot spa2102 000e08aabbcc 5.2.12\nupgrade-request ")
                .contains("upgrade-success 5.3.1\nreboot\nboot spa2102 000e08aabbcc 5.3.1\n");
    }

    @Test
    void aWrongModelImageFailsTheUpgrade() throws Exception {
        Files.write(dir.resolve("other.bin"), FirmwareImage.make("spa3102", "9.9.9", new byte[10]));
        DeviceCliRun r = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_On_Reset=No",
                "--set", "Upgrade_Rule=" + base + "/other.bin", "--until", "upgrade");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("upgrade-failure: wrong model");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a failed request would leave the device waiting for hours
    void theAdminWebPortTriggersAResyncFromAGivenUrl() throws Exception {
        Files.writeString(dir.resolve("web.xml"), "<flat-profile><GPP_K>via-admin</GPP_K></flat-profile>");
        // Port 0, and the request is sent once the command says where it listens and the device is on:
        // no port picked in advance (another process could take it) and no polling deadline.
        CompletableFuture<Integer> poke = new CompletableFuture<>();
        DeviceCliRun r = DeviceCliRun.run(emulate -> emulate.onAdminWeb = admin -> poke.completeAsync(
                        () -> get("http://127.0.0.1:" + admin.getPort() + "/admin/resync?" + base + "/web.xml")),
                "emulate", "--mac", "000e08aabbcc", "--http-port", "0", "--set", "Resync_Random_Delay=1000", "--print-config");
        assertThat(poke.get()).isEqualTo(200);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("spaprov: admin web pages on http://127\\.0\\.0\\.1:[1-9][0-9]*/admin/");
        assertThat(r.out()).contains("resync-request " + base + "/web.xml")
                .contains("<GPP_K ua=\"na\">via-admin</GPP_K>");
    }

    private static int get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownNamesModelsAndUnreadableFilesAreRefusedBeforePowerOn() throws Exception {
        DeviceCliRun wrongCase = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Profile_rule=" + base);
        assertThat(wrongCase.code()).isEqualTo(1);
        assertThat(wrongCase.out()).isEmpty(); // not even booted
        assertThat(wrongCase.err()).isEqualTo("spaprov: --set: unknown parameter Profile_rule for SPA2102;"
                + " did you mean Profile_Rule?\n");
        DeviceCliRun nothingClose = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Xyzzy=1");
        assertThat(nothingClose.code()).isEqualTo(1);
        assertThat(nothingClose.err()).isEqualTo("spaprov: --set: unknown parameter Xyzzy for SPA2102\n");
        DeviceCliRun model = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--model", "spa9999");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.out()).isEmpty();
        assertThat(model.err()).startsWith("spaprov: unknown model 'spa9999'; known models: spa2102, ");
        Path missing = dir.resolve("nosuch.crt");
        DeviceCliRun noCa = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--ca", missing.toString());
        assertThat(noCa.code()).isEqualTo(1);
        assertThat(noCa.err()).isEqualTo("spaprov: --ca " + missing + ": no such file\n");
        Path text = Files.writeString(dir.resolve("notes.crt"), "not a certificate\n");
        DeviceCliRun notPem = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--ca", text.toString());
        assertThat(notPem.code()).isEqualTo(1);
        assertThat(notPem.err()).isEqualTo("spaprov: --ca " + text
                + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found\n");
        Path binary = Files.write(dir.resolve("der.crt"), new byte[] {0x30, (byte) 0x82, (byte) 0xff, 0x01});
        DeviceCliRun der = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--ca", binary.toString());
        assertThat(der.code()).isEqualTo(1);
        assertThat(der.err()).isEqualTo("spaprov: --ca " + binary + ": not a PEM file (it is not text)\n");
        DeviceCliRun folder = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--ca", dir.toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).isEqualTo("spaprov: --ca " + dir + ": not a regular file\n");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        DeviceCliRun badMac = DeviceCliRun.run("emulate", "--mac", "xyz");
        assertThat(badMac.code()).isEqualTo(2);
        assertThat(badMac.err()).contains("bad MAC address 'xyz'").doesNotContain("Exception");
        DeviceCliRun badSet = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "novalue");
        assertThat(badSet.code()).isEqualTo(2);
        DeviceCliRun badModel = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--model", "nokia");
        assertThat(badModel.code()).isEqualTo(2);
        assertThat(badModel.err()).contains("unknown model 'nokia'");
        DeviceCliRun noResync = DeviceCliRun.run("emulate", "--mac", "000e08aabbcc", "--set", "Resync_On_Reset=No");
        assertThat(noResync.code()).isEqualTo(1);
        assertThat(noResync.err()).contains("no resync at power-up");
        DeviceCliRun help = DeviceCliRun.run("firmware", "make", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--version=V", "Examples:");
        assertThat(new String(DeviceCliRun.run("firmware", "make", "--model", "spa2102").err()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("Missing required option");
    }
}
