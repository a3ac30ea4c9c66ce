package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.site.ServerConfigReader;
import org.spaprov.server.site.SiteException;

/** The {@code push:} section of {@code spaprov.yaml}: defaults, values, and one-line errors. */
class PushSettingsTest {
    private static ServerConfig.Push read(String yaml) throws SiteException {
        return ServerConfigReader.read(yaml.getBytes(StandardCharsets.UTF_8), Path.of("/srv/site"),
                Path.of("/var/lib/spaprov")).push();
    }

    @Test
    void defaultsAreNoProxyNoHttpPushFiftyPerSecondAndFourSeconds() throws Exception {
        assertThat(read("")).isEqualTo(new ServerConfig.Push(Optional.empty(), false, 80, 50, Duration.ofSeconds(4)));
    }

    @Test
    void everyKeyIsRead() throws Exception {
        assertThat(read("push: {sip-proxy: 'sbc.example.net:5070', http: true, http-port: 8081, rate: 200, timeout: 2s}\n"))
                .isEqualTo(new ServerConfig.Push(Optional.of("sbc.example.net:5070"), true, 8081, 200, Duration.ofSeconds(2)));
        assertThat(read("push: {sip-proxy: '[2001:db8::1]:5060'}\n").sipProxy()).contains("[2001:db8::1]:5060");
    }

    @Test
    void badValuesStopWithTheKeyAndLine() {
        assertThatThrownBy(() -> read("push:\n  rate: 0\n")).isInstanceOf(SiteException.class)
                .hasMessageContaining("spaprov.yaml:2").hasMessageContaining("push.rate");
        assertThatThrownBy(() -> read("push:\n  sip-proxy: 'sip:sbc/x'\n")).isInstanceOf(SiteException.class)
                .hasMessageContaining("push.sip-proxy");
        assertThatThrownBy(() -> read("push:\n  speed: 3\n")).isInstanceOf(SiteException.class)
                .hasMessageContaining("speed");
    }
}
