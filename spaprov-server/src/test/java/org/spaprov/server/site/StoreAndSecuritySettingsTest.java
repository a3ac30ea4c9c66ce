package org.spaprov.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.spaprov.server.config.ServerConfig;

/** {@code store:} as a URL or as {url, events: {keep, max-rows}}, and {@code security.plain-secrets}. */
class StoreAndSecuritySettingsTest {
    private static final Path SITE = Path.of("/srv/site");

    private static ServerConfig read(String yaml) throws SiteException {
        return ServerConfigReader.read(yaml.getBytes(StandardCharsets.UTF_8), SITE, SITE.resolve(".data"));
    }

    @Test
    void defaultsAndBothSpellingsOfStore() throws Exception {
        ServerConfig d = read("listen: {http: 8080}\n");
        assertThat(d.events()).isEqualTo(ServerConfig.Events.defaults());
        assertThat(d.security().plainSecrets()).isEqualTo(ServerConfig.PlainSecrets.DENY);
        assertThat(read("store: jdbc:h2:mem:x\n").storeUrl()).contains("jdbc:h2:mem:x");
        ServerConfig m = read("store:\n  url: jdbc:postgresql://db/spaprov\n  events: {keep: 7d, max-rows: 50000}\n"
                + "security: {plain-secrets: allow}\n");
        assertThat(m.storeUrl()).contains("jdbc:postgresql://db/spaprov");
        assertThat(m.events()).isEqualTo(new ServerConfig.Events(Duration.ofDays(7), 50_000));
        assertThat(m.security().plainSecrets()).isEqualTo(ServerConfig.PlainSecrets.ALLOW);
    }

    @Test
    void mistakesNameTheLine() {
        assertThatThrownBy(() -> read("store:\n  events: {keep: forever}\n")).hasMessage(
                "spaprov.yaml:2: error: store.events.keep: 'forever' is not a duration (500ms, 60s, 5m, 1h, 30d)");
        assertThatThrownBy(() -> read("store:\n  evnts: {}\n")).hasMessageContaining("store.evnts: unknown key");
        assertThatThrownBy(() -> read("security: {plain-secrets: sometimes}\n"))
                .hasMessageContaining("security.plain-secrets: 'sometimes' is not one of deny, allow");
    }
}
