package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.Cli;
import org.spaprov.server.SpaprovServer;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path tmp;

    private record Run(CommandLine cl, StringWriter out, StringWriter err) {
    }

    /** The registered command tree; {@link #serve(Run)} is the instance that runs {@code serve}. */
    private static Run line() {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl, out, err);
    }

    private static ServeCommand serve(Run run) {
        return run.cl().getSubcommands().get("serve").getCommand();
    }

    @Test
    void servesOnChosenPortsPrintsThemAndStops() throws Exception {
        Run run = line();
        ServeCommand cmd = serve(run);
        CompletableFuture<SpaprovServer> started = new CompletableFuture<>();
        cmd.onStarted = started::complete;
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run.cl().execute("serve", "--site",
                tmp.toString(), "--data", tmp.resolve("data").toString(), "--bind", "127.0.0.1", "--tftp-port", "-1",
                "--http-port", "0", "--https-port", "-1"));
        SpaprovServer server = started.get(60, TimeUnit.SECONDS);
        int port = server.httpAddress().orElseThrow().getPort();
        assertThat(run.out().toString()).isEqualTo("listening http 127.0.0.1:" + port + System.lineSeparator());
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/spa000e08aabbcc.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isBetween(200, 599);
        assertThat(res.headers().firstValue("server")).contains("spaprov");
        cmd.stop.complete(null);
        assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(server.httpAddress()).isPresent();
    }

    @Test
    void syslogPortStartsTheReceiverAndPrintsItsLine() throws Exception {
        Run run = line();
        ServeCommand cmd = serve(run);
        CompletableFuture<SpaprovServer> started = new CompletableFuture<>();
        cmd.onStarted = started::complete;
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run.cl().execute("serve", "--site",
                tmp.toString(), "--data", tmp.resolve("data").toString(), "--bind", "127.0.0.1", "--tftp-port", "-1",
                "--http-port", "-1", "--https-port", "-1", "--syslog-port", "0"));
        SpaprovServer server = started.get(60, TimeUnit.SECONDS);
        int port = server.syslogAddress().orElseThrow().getPort();
        assertThat(run.out().toString()).isEqualTo("listening syslog 127.0.0.1:" + port + System.lineSeparator());
        cmd.stop.complete(null);
        assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(run.cl().execute("serve", "--site", tmp.toString(), "--syslog-port", "-2")).isEqualTo(2);
    }

    @Test
    void servesTheExampleSiteOverTftpHttpAndHttps() throws Exception {
        Path site = tmp.resolve("site");
        org.spaprov.server.site.SiteInit.write(site, java.time.Clock.systemUTC(),
                org.spaprov.server.pki.KeyKind.EC_P256);
        Run run = line();
        ServeCommand cmd = serve(run);
        CompletableFuture<SpaprovServer> started = new CompletableFuture<>();
        cmd.onStarted = started::complete;
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run.cl().execute("serve", "--site",
                site.toString(), "--tftp-port", "0", "--http-port", "0", "--https-port", "0"));
        SpaprovServer server = started.get(60, TimeUnit.SECONDS);
        assertThat(run.out().toString().lines().toList()).hasSize(3)
                .allMatch(l -> l.matches("listening (tftp|http|https) 127\\.0\\.0\\.1:\\d+"));
        int port = server.httpAddress().orElseThrow().getPort();
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/spa000e08aabb01.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("<Proxy_1_", "sip.example.net");
        assertThat(server.tftpAddress()).isPresent();
        assertThat(server.httpsAddress()).isPresent();
        cmd.stop.complete(null);
        assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aMissingSiteIsInvalidInput() {
        Run run = line();
        int code = run.cl().execute("serve", "--site", tmp.resolve("nope").toString());
        assertThat(code).isEqualTo(1);
        assertThat(run.err().toString()).startsWith("spaprov: ").contains("nope").doesNotContain("Exception");
    }

    @Test
    void aBadPortIsAUsageError() {
        Run run = line();
        int code = run.cl().execute("serve", "--site", tmp.toString(), "--http-port", "70000");
        assertThat(code).isEqualTo(2);
        assertThat(run.err().toString()).contains("70000");
    }

    @Test
    void aPublicHostWithASchemeOrPortIsAUsageError() {
        Run run = line();
        int code = run.cl().execute("serve", "--site", tmp.toString(), "--public-host", "https://prov.example.net:443");
        assertThat(code).isEqualTo(2);
        assertThat(run.err().toString()).startsWith("spaprov: --public-host must be a host name or address")
                .doesNotContain("Exception");
    }

    @Test
    void aPortInUseIsInvalidInputNamingIt() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = line();
            int code = run.cl().execute("serve", "--site", tmp.toString(), "--data", tmp.resolve("d").toString(),
                    "--bind", "127.0.0.1", "--tftp-port", "-1", "--https-port", "-1",
                    "--http-port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(1);
            assertThat(run.err().toString()).contains("http", String.valueOf(taken.getLocalPort()));
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Serves the example site with the admin API on a free port; returns the admin line's base URL. */
    private CompletableFuture<Integer> serveWithAdmin(Run run, Path site, Path data) throws Exception {
        org.spaprov.server.site.SiteInit.write(site, java.time.Clock.systemUTC(),
                org.spaprov.server.pki.KeyKind.EC_P256);
        CompletableFuture<SpaprovServer> started = new CompletableFuture<>();
        serve(run).onStarted = started::complete;
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run.cl().execute("serve", "--site",
                site.toString(), "--data", data.toString(), "--bind", "127.0.0.1", "--tftp-port", "-1",
                "--http-port", "0", "--https-port", "-1", "--admin-port", "0"));
        started.get(60, TimeUnit.SECONDS);
        return code;
    }

    private static String adminUrl(Run run) {
        String line = run.out().toString().lines().filter(l -> l.startsWith("admin: ")).findFirst().orElseThrow();
        return line.substring("admin: ".length(), line.indexOf(' ', "admin: ".length()));
    }

    @Test
    void theAdminApiGetsAGeneratedTokenInTheDataDirectory() throws Exception {
        Run run = line();
        serve(run).env = Map.of();
        Path data = tmp.resolve("data");
        CompletableFuture<Integer> code = serveWithAdmin(run, tmp.resolve("site"), data);
        Path tokenFile = data.resolve("admin.token");
        List<String> lines = run.out().toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("listening http 127\\.0\\.0\\.1:\\d+");
        assertThat(lines.get(1)).matches("admin: http://127\\.0\\.0\\.1:\\d+/api/v1 \\(token in "
                + java.util.regex.Pattern.quote(tokenFile.toString()) + "\\)");
        String token = Files.readString(tokenFile).strip();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        String url = adminUrl(run);
        assertThat(get(url + "/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(get(url + "/devices", null).statusCode()).isEqualTo(401);
        HttpResponse<String> devices = get(url + "/devices", token);
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.body()).contains("000e08aabb01", "000e08aabb02", "000e08aabb03")
                .doesNotContain(org.spaprov.server.site.SiteInit.EXAMPLE_KEY, "pw-100");
        serve(run).stop.complete(null);
        assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(run.out().toString() + run.err()).doesNotContain(token);
        assertThatThrownBy(() -> get(url + "/health", null)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theAdminTokenMayComeFromTheEnvironment() throws Exception {
        String token = "env-token-0123456789_abcdef";
        Run run = line();
        serve(run).env = Map.of("SPAPROV_ADMIN_TOKEN", token);
        Path data = tmp.resolve("data");
        CompletableFuture<Integer> code = serveWithAdmin(run, tmp.resolve("site"), data);
        assertThat(run.out().toString()).contains("(token from $SPAPROV_ADMIN_TOKEN)").doesNotContain(token);
        assertThat(data.resolve("admin.token")).doesNotExist();
        assertThat(get(adminUrl(run) + "/events", token).statusCode()).isEqualTo(200);
        assertThat(get(adminUrl(run) + "/events", token + "x").statusCode()).isEqualTo(401);
        serve(run).stop.complete(null);
        assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aShortAdminTokenInTheEnvironmentIsInvalidInput() {
        Run run = line();
        serve(run).env = Map.of("SPAPROV_ADMIN_TOKEN", "tiny-secret");
        int code = run.cl().execute("serve", "--site", tmp.toString(), "--data", tmp.resolve("d").toString(),
                "--bind", "127.0.0.1", "--tftp-port", "-1", "--http-port", "0", "--https-port", "-1",
                "--admin-port", "0");
        assertThat(code).isEqualTo(1);
        assertThat(run.err().toString().lines().toList()).containsExactly(
                "spaprov: admin: the token must be at least 16 characters (from $SPAPROV_ADMIN_TOKEN)");
    }

    @Test
    void anAdminPortInUseIsInvalidInputNamingIt() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = line();
            serve(run).env = Map.of();
            int code = run.cl().execute("serve", "--site", tmp.toString(), "--data", tmp.resolve("d").toString(),
                    "--bind", "127.0.0.1", "--tftp-port", "-1", "--https-port", "-1", "--http-port", "0",
                    "--admin-port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(1);
            assertThat(run.err().toString().lines().toList()).singleElement().asString()
                    .startsWith("spaprov: admin: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
