package org.spaprov.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;
import org.spaprov.cli.Peers;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.report.ReportResult;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.OpenSslAes;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.secrets.MasterKey;

/**
 * Issue 9's secret-leak proof: one site with keyed devices, SIP and admin passwords, GPP_SA keys, an
 * admin token and a master key, served by {@link SpaprovServer} on loopback with the admin API; emulated
 * devices that bootstrap over TFTP, fetch over HTTPS with client certificates and encrypted over HTTP
 * and TFTP, upgrade, upload encrypted reports and send syslog; anonymous and hostile requests (no
 * certificate, another device's certificate, bad paths, wrong keys, wrong tokens, plain reports); a
 * rejected reload of a broken layer; {@code site check}, {@code site render} and {@code profile
 * validate} on files holding secrets. Everything they produce is captured — every log event of every
 * logger at TRACE, the CLI's output, every stored event, every admin API answer, every HTTP answer and
 * TFTP error, the syslog datagrams, the device's events — and searched for every secret in every
 * form ({@link SecretSearch}). Zero hits; a hit prints where it was.
 */
class SecretLeakEndToEndTest {
    private static final String PLAIN = "000e08aabb01";
    private static final String KEYED = "000e08aabb02";
    private static final String TFTP_KEYED = "000e08aabb03";
    private static final String KEY2 = "Leak-Key-0002-Xk4v";
    private static final String KEY3 = "Leak-Key-0003-Pw9c";
    private static final String WRONG_KEY = "Not-The-Key-9431";
    private static final String LAYER_SECRET = "Layer-Literal-Zq81";
    private static final String VALIDATE_SECRET = "Validate-Secret-Jf27";
    private static final Map<String, String> PASSWORDS = Map.of(PLAIN, "Leak-Pw-1001-q7Rz", KEYED,
            "Leak-Pw-1002-Hm2d", TFTP_KEYED, "Leak-Pw-1003-Ty6b");
    private static final Map<String, String> ADMIN_PASSWORDS = Map.of(PLAIN, "Adm-Pw-1001-Kd3s", KEYED,
            "Adm-Pw-1002-Lw5e", TFTP_KEYED, "Adm-Pw-1003-Mn8r");

    @TempDir
    Path tmp;

    /** Where each capture came from, and its text. */
    private final List<Map.Entry<String, String>> captured = new ArrayList<>();

    private void capture(String where, String text) {
        captured.add(Map.entry(where, text));
    }

    @Test
    void noSecretReachesAnyLogEventApiAnswerOrError() throws Exception {
        Peers.requirePeer(curlWorks(), "curl");
        Path site = tmp.resolve("site");
        Path data = tmp.resolve("data");
        SecretSearch secrets = new SecretSearch();
        try (LogCapture logs = LogCapture.start(); DatagramSocket syslog = new DatagramSocket(
                new InetSocketAddress("127.0.0.1", 0))) {
            cli("site init", "site", "init", site.toString(), "--device-keys", "ec");
            writeSite(site, syslog.getLocalPort());
            try (SpaprovServer server = SpaprovServer.start(site,
                    SpaprovServer.Overrides.NONE.withPorts(0, 0, 0, 0).withDataDir(data), Clock.systemUTC())) {
                secrets.add("admin token", Files.readString(data.resolve(AdminToken.FILE_NAME)).strip())
                        .add("master key", Files.readString(data.resolve(MasterKey.FILE)).strip());
                addSecrets(secrets, site);
                Ports p = new Ports(server);

                devices(site, p);
                capture("syslog datagrams", drain(syslog));
                hostile(site, p);
                badReloadAndOfflineCommands(server, site);
                server.core().store().flush();
                adminApi(p, secrets.names().contains("admin token")
                        ? Files.readString(data.resolve(AdminToken.FILE_NAME)).strip() : "");
            }
            capture("log events (all loggers, TRACE)", String.join("\n", logs.lines()));
            assertThat(logs.lines()).as("the capture saw the server's own log lines").isNotEmpty();
        }
        profileValidate();

        List<SecretSearch.Hit> hits = new ArrayList<>();
        captured.forEach(c -> hits.addAll(secrets.search(c.getKey(), c.getValue())));
        assertThat(captured).as("captures").hasSizeGreaterThan(40);
        assertThat(hits).as("secrets found in what the suite produced").isEmpty();
        // what was searched, for a reader of the build (no secret in it, as just shown)
        Path report = Path.of("target", "secret-leak-captures.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", captured.stream()
                .map(c -> "===== " + c.getKey() + "\n" + c.getValue()).toList()));
    }

    private record Ports(int tftp, int http, int https, int admin) {
        Ports(SpaprovServer s) {
            this(s.tftpAddress().orElseThrow().getPort(), s.httpAddress().orElseThrow().getPort(),
                    s.httpsAddress().orElseThrow().getPort(), s.admin().orElseThrow().address().getPort());
        }
    }

    /** The example site, with our own secrets and a syslog server, reports and an encrypted TFTP device. */
    private void writeSite(Path site, int syslogPort) throws IOException {
        Files.writeString(site.resolve("devices.csv"), """
                mac,model,serial,groups,key,var.station,var.sip_user,var.sip_password,var.admin_pw
                %s,spa2102,FM500A000001,office,,Reception,1001,%s,%s
                %s,spa2102,FM500A000002,office,%s,Sales,1002,%s,%s
                %s,pap2t,FM600B000003,,%s,Lobby,1003,%s,%s
                """.formatted(PLAIN, PASSWORDS.get(PLAIN), ADMIN_PASSWORDS.get(PLAIN), KEYED, KEY2,
                PASSWORDS.get(KEYED), ADMIN_PASSWORDS.get(KEYED), TFTP_KEYED, KEY3, PASSWORDS.get(TFTP_KEYED),
                ADMIN_PASSWORDS.get(TFTP_KEYED)));
        Path global = site.resolve("layers/global.xml");
        Files.writeString(global, Files.readString(global).replace("</flat-profile>", """
                  <Admin_Passwd ua="na">{{ device.vars.admin_pw }}</Admin_Passwd>
                  <Syslog_Server>127.0.0.1:%d</Syslog_Server>
                  <Resync_Random_Delay>0</Resync_Random_Delay>
                </flat-profile>""".formatted(syslogPort)));
        Path keyed = site.resolve("layers/device/" + KEYED + ".xml");
        Files.writeString(keyed, Files.readString(keyed).replace("</flat-profile>", """
                  <Report_Rule>[--key $SA] {{ server.http_url }}/rep$MA.xml.enc</Report_Rule>
                </flat-profile>"""));
        Files.writeString(site.resolve("layers/device/" + TFTP_KEYED + ".xml"), """
                <flat-profile>
                  <GPP_B ua="na">{{ device.key }}</GPP_B>
                  <Profile_Rule>[--key $B] {{ server.tftp_url }}/spa$MA.cfg</Profile_Rule>
                  <Report_Rule>[--key $B] {{ server.tftp_url }}/rep$MA.xml</Report_Rule>
                </flat-profile>
                """);
    }

    /** Every secret of the run: keys, passwords, token, master key, and the PEM bodies of every private key. */
    private static void addSecrets(SecretSearch s, Path site) throws IOException {
        s.add("GPP_SA key of " + KEYED, KEY2).add("key of " + TFTP_KEYED, KEY3).add("wrong key", WRONG_KEY)
                .add("literal in a broken layer", LAYER_SECRET).add("secret in a validated profile", VALIDATE_SECRET);
        PASSWORDS.forEach((mac, pw) -> s.add("SIP password of " + mac, pw));
        ADMIN_PASSWORDS.forEach((mac, pw) -> s.add("admin password of " + mac, pw));
        try (var keys = Files.walk(site.resolve("pki"))) {
            for (Path k : keys.filter(f -> f.toString().endsWith(".key")).toList()) {
                List<String> body = Files.readAllLines(k).stream().filter(l -> !l.startsWith("-----")).toList();
                s.add("private key " + site.relativize(k), body.getFirst());
            }
        }
    }

    /** Three SPAs on a virtual clock: TFTP bootstrap, HTTPS with certificates, encrypted HTTP and TFTP, upgrades, reports. */
    private void devices(Path site, Ports p) throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        List<String> events = new ArrayList<>();
        Device plain = device(site, clock, events, "spa2102", PLAIN, "FM500A000001", true,
                Map.of("Profile_Rule", "tftp://127.0.0.1:" + p.tftp() + "/spa$PSN.cfg"));
        Device keyed = device(site, clock, events, "spa2102", KEYED, "FM500A000002", true,
                Map.of("Profile_Rule", "https://localhost:" + p.https() + "/spa$MA.xml"));
        Device tftp = device(site, clock, events, "pap2t", TFTP_KEYED, "FM600B000003", false,
                Map.of("GPP_B", KEY3, "Profile_Rule", "[--key $B] tftp://127.0.0.1:" + p.tftp() + "/spa$MA.cfg"));
        // a device with the wrong key fails to decrypt; a device without a certificate gets no secret
        Device wrong = device(site, clock, events, "pap2t", TFTP_KEYED, "FM600B000003", false,
                Map.of("GPP_B", WRONG_KEY, "Profile_Rule", "[--key $B] http://127.0.0.1:" + p.http() + "/spa$MA.cfg"));
        Device noCert = device(site, clock, events, "spa2102", KEYED, "FM500A000002", false,
                Map.of("Profile_Rule", "https://localhost:" + p.https() + "/spa$MA.xml"));
        for (Device d : List.of(plain, keyed, tftp, wrong, noCert)) {
            d.powerOn();
        }
        clock.advance(Duration.ofMinutes(5));
        keyed.sendReport();
        tftp.sendReport();
        clock.advance(Duration.ofMinutes(1));

        capture("device events", String.join("\n", events));
        // the flows really ran: secrets reached the authenticated devices, reports left encrypted
        assertThat(plain.param("Password_1_")).isEqualTo(PASSWORDS.get(PLAIN));
        assertThat(plain.firmwareVersion()).isEqualTo("5.2.12");
        assertThat(keyed.param("GPP_SA")).isEqualTo(KEY2);
        assertThat(tftp.param("Password_1_")).isEqualTo(PASSWORDS.get(TFTP_KEYED));
        assertThat(wrong.variables().getOrEmpty("ERR")).isEqualTo("decrypt failed");
        assertThat(noCert.param("GPP_SA")).isEmpty();
        assertThat(events).filteredOn(e -> e.startsWith("report")).hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("SENT", "encrypted=true"));
    }

    private static Device device(Path site, VirtualScheduler clock, List<String> events, String model, String mac,
            String serial, boolean cert, Map<String, String> settings) throws Exception {
        Optional<ClientCredentials> creds = Optional.empty();
        if (cert) {
            Path pki = site.resolve("pki/devices");
            creds = Optional.of(new ClientCredentials(Pem.readCertificates(pki.resolve(mac + ".crt")),
                    Pem.readPrivateKey(pki.resolve(mac + ".key"))));
        }
        Device.Builder b = Device.builder(new DeviceIdentity(model, mac, serial, null, creds)).firmware("5.1.0")
                .scheduler(clock).random(RandomGenerator.of("L64X128MixRandom"))
                .tls(new TlsSettings(Pem.readCertificates(site.resolve("pki/ca.crt")), Optional.empty(),
                        HostResolver.SYSTEM))
                .events(recorder(mac, events)).set("Resync_Random_Delay", "0");
        settings.forEach(b::set);
        return b.build();
    }

    /** What a device reports, as the CLI's emulator would print it (ERR and the URL parts). */
    private static DeviceEvents recorder(String mac, List<String> events) {
        return new DeviceEvents() {
            private void add(String what, DeviceVariables v) {
                synchronized (events) {
                    events.add(what + " " + mac + " " + v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERVIP") + ":"
                            + v.getOrEmpty("PORT") + v.getOrEmpty("PATH") + " " + v.getOrEmpty("ERR") + " "
                            + v.getOrEmpty("UPGERR"));
                }
            }

            @Override public void resyncRequest(DeviceVariables v) { add("resync-request", v); }
            @Override public void resyncSuccess(DeviceVariables v) { add("resync-success", v); }
            @Override public void resyncFailure(DeviceVariables v) { add("resync-failure", v); }
            @Override public void upgradeRequest(DeviceVariables v) { add("upgrade-request", v); }
            @Override public void upgradeSuccess(DeviceVariables v) { add("upgrade-success", v); }
            @Override public void upgradeFailure(DeviceVariables v) { add("upgrade-failure", v); }

            @Override
            public void report(ReportResult r) {
                synchronized (events) {
                    events.add("report " + mac + " " + r.outcome() + " " + r.url().orElse("") + " " + r.detail()
                            + " encrypted=" + r.encrypted());
                }
            }
        };
    }

    /** The datagrams the devices sent: at least one, then whatever follows within a short quiet spell. */
    private static String drain(DatagramSocket udp) throws IOException {
        StringBuilder all = new StringBuilder();
        udp.setSoTimeout(10_000);
        try {
            while (true) {
                DatagramPacket d = new DatagramPacket(new byte[4096], 4096);
                udp.receive(d);
                all.append(new String(d.getData(), 0, d.getLength(), StandardCharsets.UTF_8)).append('\n');
                udp.setSoTimeout(500);
            }
        } catch (SocketTimeoutException drained) {
            assertThat(all).as("syslog lines").contains("Requesting resync");
            return all.toString();
        }
    }

    /** Anonymous and hostile requests over HTTPS, HTTP and TFTP; every answer captured. */
    private void hostile(Path site, Ports p) throws Exception {
        String ca = site.resolve("pki/ca.crt").toString();
        String https = "https://localhost:" + p.https();
        String http = "http://127.0.0.1:" + p.http();
        String otherCert = site.resolve("pki/devices/" + PLAIN + ".crt").toString();
        String otherKey = site.resolve("pki/devices/" + PLAIN + ".key").toString();
        for (String mac : List.of(PLAIN, KEYED, TFTP_KEYED)) {
            curl("https without a certificate, " + mac, "--cacert", ca, https + "/spa" + mac + ".xml");
            curl("plain http, " + mac, http + "/spa" + mac + ".xml");
            curl("http, .cfg, " + mac, http + "/spa" + mac + ".cfg");
        }
        curl("https with another device's certificate", "--cacert", ca, "--cert", otherCert, "--key", otherKey,
                https + "/spa" + KEYED + ".xml");
        curl("https without trusting the server", https + "/spa" + KEYED + ".xml");
        for (String path : List.of("/../devices.csv", "/%2e%2e/devices.csv", "/devices.csv", "/pki/server.key",
                "/layers/device/" + KEYED + ".xml", "/.data/admin.token", "/spa" + KEYED + ".xml%00",
                "/spa000e08ffffff.cfg", "/firmware/../devices.csv", "/spa" + KEYED + ".xml?x=%0a")) {
            curl("bad path " + path, "--path-as-is", http + path);
            curl("bad path over https " + path, "--path-as-is", "--cacert", ca, https + path);
        }
        String report = "<flat-profile><Password_1_>" + PASSWORDS.get(KEYED) + "</Password_1_><GPP_SA>" + KEY2
                + "</GPP_SA></flat-profile>";
        Path plainReport = Files.writeString(tmp.resolve("report.xml"), report);
        Path wrongKeyReport = Files.write(tmp.resolve("report.enc"),
                OpenSslAes.encrypt(report.getBytes(StandardCharsets.UTF_8), WRONG_KEY, Digest.MD5));
        curl("anonymous plain report", "--data-binary", "@" + plainReport, http + "/rep" + KEYED + ".xml");
        curl("report encrypted with a wrong key", "--data-binary", "@" + wrongKeyReport, http + "/rep" + KEYED + ".xml.enc");
        curl("report of an unknown device", "--data-binary", "@" + plainReport, http + "/rep000e08ffffff.xml");
        curl("report with another device's certificate", "--cacert", ca, "--cert", otherCert, "--key", otherKey,
                "--data-binary", "@" + plainReport, https + "/rep" + KEYED + ".xml");
        curl("admin without token", "http://127.0.0.1:" + p.admin() + "/api/v1/devices");
        curl("admin with a wrong token", "-H", "Authorization: Bearer " + WRONG_KEY,
                "http://127.0.0.1:" + p.admin() + "/api/v1/devices/" + KEYED);

        for (String name : List.of("spa" + KEYED + ".xml", "spa" + PLAIN + ".xml", "spa" + TFTP_KEYED + ".cfg",
                "spa2102.cfg", "../devices.csv", "devices.csv", "pki/server.key", "layers/global.xml",
                "spa000e08ffffff.cfg", "/etc/passwd", "firmware/../devices.csv")) {
            capture("tftp read " + name, RawTftp.read(p.tftp(), name));
        }
        capture("tftp anonymous plain report", RawTftp.write(p.tftp(), "rep" + KEYED + ".xml",
                report.getBytes(StandardCharsets.UTF_8)));
        capture("tftp report with a wrong key", RawTftp.write(p.tftp(), "rep" + TFTP_KEYED + ".xml",
                OpenSslAes.encrypt(report.getBytes(StandardCharsets.UTF_8), WRONG_KEY, Digest.MD5)));
        capture("tftp report of an unknown device", RawTftp.write(p.tftp(), "rep000e08ffffff.xml", new byte[] {'x'}));
    }

    /** A broken layer (with a secret in it, and an undefined placeholder) refused on reload; the offline commands. */
    private void badReloadAndOfflineCommands(SpaprovServer server, Path site) throws IOException {
        cli("site check (good)", "site", "check", site.toString());
        for (String mac : List.of(PLAIN, KEYED, TFTP_KEYED)) {
            cli("site render " + mac, "site", "render", site.toString(), mac);
        }
        Path layer = site.resolve("layers/device/" + TFTP_KEYED + ".xml");
        String good = Files.readString(layer);
        for (String broken : List.of(
                "<flat-profile>\n  <GPP_SC ua=\"na\">" + LAYER_SECRET + "</GPP_SC\n</flat-profile>\n",
                "<flat-profile>\n  <GPP_SC ua=\"na\">" + LAYER_SECRET + "</GPP_SC>\n  <Password_1_>{{ device.vars.nosuch }}</Password_1_>\n</flat-profile>\n",
                "<flat-profile>\n  <Password_1_>" + LAYER_SECRET
                        + "</Password_1_>\n  <Resync_Periodic>soon</Resync_Periodic>\n</flat-profile>\n")) {
            Files.writeString(layer, broken);
            boolean reloaded = server.core().reloadNow();
            capture("reload error", String.valueOf(server.core().siteError().orElse("")));
            CliRun check = cli("site check (broken)", "site", "check", site.toString());
            cli("site render (broken)", "site", "render", site.toString(), TFTP_KEYED);
            assertThat(reloaded || check.code() != 0).as("the broken layer is noticed: " + broken).isTrue();
        }
        Files.writeString(layer, good);
        assertThat(server.core().reloadNow()).isTrue();
    }

    /** {@code profile validate} on text and XML profiles that hold a secret next to errors. */
    private void profileValidate() throws IOException {
        Path text = Files.writeString(tmp.resolve("secret.txt"), """
                GPP_SA "%1$s" ;
                Pasword_1_ "%1$s" ;
                Resync_Periodic "%1$s" ;
                Password_2_ "%1$s
                """.formatted(VALIDATE_SECRET));
        Path xml = Files.writeString(tmp.resolve("secret.xml"), """
                <flat-profile>
                  <GPP_SB>%1$s</GPP_SB>
                  <Pasword_1_>%1$s</Pasword_1_>
                  <Resync_Periodic>%1$s</Resync_Periodic>
                  <Password_2_>%1$s</Password_3_>
                </flat-profile>
                """.formatted(VALIDATE_SECRET));
        assertThat(cli("profile validate (text)", "profile", "validate", text.toString()).code()).isEqualTo(1);
        assertThat(cli("profile validate (xml)", "profile", "validate", xml.toString()).code()).isEqualTo(1);
        cli("profile convert (xml)", "profile", "convert", xml.toString(), "--to", "text");
        // well-formed, so the findings are about the values: a misspelt name, a bad value, next to secrets
        Path wellFormed = Files.writeString(tmp.resolve("secret-ok.txt"), """
                GPP_SA "%1$s" ;
                Pasword_1_ "%1$s" ;
                Password_2_ "%1$s" ;
                Resync_Periodic "%1$s" ;
                Profile_Rule "[--key %1$s] tftp://" ;
                """.formatted(VALIDATE_SECRET));
        assertThat(cli("profile validate (values)", "profile", "validate", wellFormed.toString()).code()).isEqualTo(1);
        cli("profile compile (values)", "profile", "compile", wellFormed.toString(), "-o",
                tmp.resolve("out.cfg").toString(), "--key", VALIDATE_SECRET);
    }

    /** The admin API: every answer captured. */
    private void adminApi(Ports p, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + p.admin();
        for (String path : List.of("/api/v1/health", "/api/v1/devices", "/api/v1/devices/" + PLAIN,
                "/api/v1/devices/" + KEYED + "?limit=1000", "/api/v1/devices/" + TFTP_KEYED + "?limit=1000",
                "/api/v1/devices/000e08ffffff", "/api/v1/devices/not-a-mac", "/api/v1/events?limit=1000",
                "/api/v1/events?limit=x", "/metrics", "/api/v1/nosuch")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            capture("admin " + path, r.statusCode() + " " + r.headers().map() + "\n" + r.body());
            if (path.startsWith("/api/v1/events?limit=1000")) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).as("the events of the run").contains("secrets withheld", "encrypted");
            }
        }
    }

    private CliRun cli(String what, String... args) {
        CliRun r = CliRun.run(args);
        capture("spaprov " + what + " (exit " + r.code() + ")", r.out() + "\n" + r.err());
        return r;
    }

    private void curl(String what, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-i", "--max-time", "20"));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).as(what).isTrue();
        capture("curl " + what, new String(out, StandardCharsets.ISO_8859_1));
    }

    private static boolean curlWorks() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
