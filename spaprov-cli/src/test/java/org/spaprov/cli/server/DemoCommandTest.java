package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.Cli;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path tmp;

    /** The demo's own entries in its temporary root. */
    private List<Path> leftovers() throws java.io.IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("spaprov-demo-")).toList();
        }
    }

    @Test
    void aSmallFleetIsProvisionedEndToEndAndWithExitNoUrlsOfAStoppedServerAreOffered() throws Exception {
        CommandLine cl = Cli.commandLine();
        DemoCommand cmd = cl.getSubcommands().get("demo").getCommand();
        cmd.tempRoot = tmp;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("demo", "--count", "5", "--exit", "--no-progress", "--timeout", "90s");
        assertThat(out.toString()).as(err.toString()).contains("listening tftp 127.0.0.1:", "listening https 127.0.0.1:")
                .contains("provisioned + upgraded       5", "failed resyncs               0")
                .doesNotContain("server: ", "try: ", "serving until");
        assertThat(code).isZero();
        assertThat(leftovers()).as("the demo's temporary site is deleted").isEmpty();
    }

    @Test
    void withoutExitItKeepsServingUntilStopped() throws Exception {
        CommandLine cl = Cli.commandLine();
        DemoCommand cmd = cl.getSubcommands().get("demo").getCommand();
        java.util.concurrent.CompletableFuture<org.spaprov.server.SpaprovServer> serving =
                new java.util.concurrent.CompletableFuture<>();
        cmd.onServing = serving::complete;
        cmd.tempRoot = tmp;
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        java.util.concurrent.CompletableFuture<Integer> code = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cl.execute("demo", "--count", "2", "--no-progress", "--timeout", "90s"));
        org.spaprov.server.SpaprovServer server = serving.get(120, java.util.concurrent.TimeUnit.SECONDS);
        int port = server.httpAddress().orElseThrow().getPort();
        var res = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/spa000e08de0000.cfg")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(new String(res.body(), 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("Salted__");
        assertThat(out.toString()).contains("serving until Ctrl-C", "try:    curl -s http://127.0.0.1:" + port + "/");
        assertThat(leftovers()).hasSize(1);
        cmd.stop.complete(null);
        assertThat(code.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(leftovers()).as("the demo's temporary site is deleted").isEmpty();
    }

    @Test
    void aBadCountIsAUsageError() {
        CommandLine cl = Cli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("demo", "--count", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--count");
    }
}
