package org.spaprov.server.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.config.ServerConfig.UnknownDevicePolicy;
import org.spaprov.server.config.ServerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigReaderTest {
    private static final Path SITE = Path.of("/srv/site");
    private static final Path DATA = Path.of("/var/lib/spaprov");

    private static ServerConfig read(String yaml) throws SiteException {
        return ServerConfigReader.read(yaml.getBytes(StandardCharsets.UTF_8), SITE, DATA);
    }

    @Test
    void emptyFileGivesDefaults() throws Exception {
        ServerConfig c = read("");
        assertThat(c.listen()).isEqualTo(ServerConfig.Listen.defaults());
        assertThat(c.tls().serverCert()).isEqualTo(Path.of("/srv/site/pki/server.crt"));
        assertThat(c.tls().clientCerts()).isEqualTo(ClientCertMode.OPTIONAL);
        assertThat(c.unknownDevices()).isEqualTo(UnknownDevicePolicy.DENY);
        assertThat(c.throttle().limit()).isEqualTo(20);
        assertThat(c.reportFolder()).isEqualTo(Path.of("/var/lib/spaprov/reports"));
        assertThat(c.naming().profiles()).contains("spa$MA.cfg", "*?mac=$MA");
        assertThat(c.naming().plain()).contains("spa$MA.xml", "$MA.xml");
        assertThat(c.naming().bootstrap()).contains("spa$PSN.cfg");
        assertThat(c.storeUrl()).isEmpty();
    }

    @Test
    void theSyslogReceiverIsOffUnlessListenSyslogNamesAPort() throws Exception {
        assertThat(read("listen: {http: 8080}\n").listen().syslogPort()).isEqualTo(-1);
        assertThat(read("listen: {syslog: 5514}\n").listen().syslogPort()).isEqualTo(5514);
        assertThatThrownBy(() -> read("listen: {syslog: 70000}\n")).hasMessageStartingWith(
                "spaprov.yaml:1: error: listen.syslog");
    }

    @Test
    void readsEverySection() throws Exception {
        ServerConfig c = read("""
                listen: {bind: 127.0.0.1, tftp: 0, http: 8080, https: -1, admin: 9000}
                tls: {cert: /etc/tls/s.crt, key: k.pem, client-ca: ca.pem, client-certs: required}
                store: jdbc:postgresql://db/spaprov
                devices: {unknown: auto-add}
                throttle: {window: 5m, limit: 3}
                reports: /srv/reports
                naming: {profiles: ["cfg/$MA.cfg"], plain: ["$MA.xml"], bootstrap: ["init.cfg"]}
                profiles: {gzip: yes}
                firmware: {SPA2102: 5.2.12}
                firmware-url: http://fw.example.net/fw
                tftp: {max-transfers: 10, max-blksize: 1428, timeout: 500ms, retries: 2}
                """);
        assertThat(c.listen()).isEqualTo(new ServerConfig.Listen("127.0.0.1", 0, 8080, -1, 9000));
        assertThat(c.tls().serverCert()).isEqualTo(Path.of("/etc/tls/s.crt"));
        assertThat(c.tls().serverKey()).isEqualTo(Path.of("/srv/site/k.pem"));
        assertThat(c.tls().clientCerts()).isEqualTo(ClientCertMode.REQUIRED);
        assertThat(c.storeUrl()).contains("jdbc:postgresql://db/spaprov");
        assertThat(c.unknownDevices()).isEqualTo(UnknownDevicePolicy.AUTO_ADD);
        assertThat(c.throttle().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.reportFolder()).isEqualTo(Path.of("/srv/reports"));
        assertThat(c.naming().profiles()).containsExactly("cfg/$MA.cfg");
        assertThat(c.gzip()).isTrue();
        assertThat(c.firmware()).containsEntry("spa2102", "5.2.12");
        assertThat(c.firmwareUrl()).contains("http://fw.example.net/fw");
        assertThat(c.tftp().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.tftp().maxBlockSize()).isEqualTo(1428);
    }

    @Test
    void errorsNameFileLineAndKey() {
        assertThatThrownBy(() -> read("listen:\n  http: 8080\n  htps: 8443\n"))
                .hasMessageStartingWith("spaprov.yaml:3: error: listen.htps: unknown key");
        assertThatThrownBy(() -> read("devices:\n  unknown: allow\n"))
                .hasMessage("spaprov.yaml:2: error: devices.unknown: 'allow' is not one of deny, bootstrap-only, auto-add");
        assertThatThrownBy(() -> read("listen: {http: 70000}\n"))
                .hasMessageContaining("spaprov.yaml:1: error: listen.http: 70000 is out of range");
        assertThatThrownBy(() -> read("throttle:\n  window: soon\n"))
                .hasMessageStartingWith("spaprov.yaml:2: error: throttle.window");
        assertThatThrownBy(() -> read("naming:\n  profiles: [\"spa.cfg\"]\n"))
                .hasMessageContaining("does not contain $MA");
        assertThatThrownBy(() -> read("store: mysql://x\n")).hasMessageContaining("store: must be a JDBC URL");
    }

    @Test
    void limitsAreReadWithUnitsAndDefaultToTheTransports() throws Exception {
        ServerConfig c = read("""
                tftp:
                  max-transfers: 512
                  transfers-per-address: 64
                  stalled-per-address: 0
                  max-upload: 512KiB
                  uploads-total: 8MiB
                  max-client-timeout: 3s
                http:
                  head-timeout: 5s
                  tls-handshake-timeout: 2500ms
                  connections-per-address: 100
                  max-connections: 5000
                """);
        assertThat(c.tftp()).isEqualTo(new ServerConfig.Tftp(512, 65464, Duration.ofSeconds(1), 5, 64, 0, 512 << 10,
                8 << 20, Duration.ofSeconds(3)));
        assertThat(c.tftp().peerLimits().transfersPerAddress()).isEqualTo(64);
        assertThat(c.tftp().peerLimits().uploadBytesTotal()).isEqualTo(8 << 20);
        assertThat(c.http()).isEqualTo(new ServerConfig.Http(java.util.Optional.of(Duration.ofSeconds(5)),
                java.util.Optional.of(Duration.ofMillis(2500)), java.util.OptionalInt.of(100),
                java.util.OptionalInt.of(5000)));

        ServerConfig d = read("http: {max-connections: auto}\n");
        assertThat(d.http()).isEqualTo(ServerConfig.Http.defaults());
        assertThat(d.tftp()).isEqualTo(ServerConfig.Tftp.defaults());
        var tftpDefaults = org.spaprov.tftp.TftpServerConfig.loopback();
        assertThat(d.tftp().peerLimits()).isEqualTo(tftpDefaults.peers());
        assertThat(d.tftp().maxUpload()).isEqualTo(tftpDefaults.maxUploadSize());
    }

    @Test
    void badLimitsNameFileLineAndKey() {
        assertThatThrownBy(() -> read("http:\n  head-timeout: 0s\n"))
                .hasMessage("spaprov.yaml:2: error: http.head-timeout: must be more than zero");
        assertThatThrownBy(() -> read("http:\n  connections-per-address: many\n"))
                .hasMessage("spaprov.yaml:2: error: http.connections-per-address: 'many' is not a number");
        assertThatThrownBy(() -> read("http:\n  max-connections: 3\n"))
                .hasMessage("spaprov.yaml:2: error: http.max-connections: 3 is out of range 16..10000000");
        assertThatThrownBy(() -> read("http:\n  conections: 3\n"))
                .hasMessageStartingWith("spaprov.yaml:2: error: http.conections: unknown key (known: connections-per");
        assertThatThrownBy(() -> read("tftp:\n  max-upload: 1MB\n"))
                .hasMessage("spaprov.yaml:2: error: tftp.max-upload: '1MB' is not a size (65536, 512KiB, 1MiB, 1GiB)");
        assertThatThrownBy(() -> read("tftp:\n  max-upload: 2GiB\n"))
                .hasMessageStartingWith("spaprov.yaml:2: error: tftp.max-upload: 2GiB is out of range");
        assertThatThrownBy(() -> read("tftp:\n  max-upload: 4MiB\n  uploads-total: 2MiB\n"))
                .hasMessageStartingWith("spaprov.yaml:3: error: tftp.uploads-total: uploads-total (2097152 bytes) must"
                        + " be at least max-upload (4194304 bytes)");
        assertThatThrownBy(() -> read("tftp:\n  max-transfers: 10\n  transfers-per-address: 11\n"))
                .hasMessage("spaprov.yaml:3: error: tftp.transfers-per-address: 11 is out of range 1..10");
        assertThatThrownBy(() -> read("tftp:\n  max-client-timeout: 300s\n"))
                .hasMessageStartingWith("spaprov.yaml:2: error: tftp.max-client-timeout: must be at most 255s");
    }

    @Test
    void thePublicHostIsAHostNameOrAddressAndNothingElse() throws Exception {
        assertThat(read("listen: {public-host: prov.example.net}\n").listen().publicHost()).contains("prov.example.net");
        assertThat(read("listen: {public-host: 192.0.2.10}\n").listen().publicHost()).contains("192.0.2.10");
        assertThat(read("listen: {public-host: \"2001:db8::10\"}\n").listen().publicHost()).contains("2001:db8::10");
        assertThat(read("listen: {bind: 0.0.0.0}\n").listen().publicHost()).isEmpty();
        for (String bad : new String[] {"http://prov.example.net", "prov.example.net:8443", "prov.example.net/x", "a b"}) {
            assertThatThrownBy(() -> read("listen:\n  public-host: \"" + bad + "\"\n")).as(bad)
                    .hasMessageStartingWith("spaprov.yaml:2: error: listen.public-host: must be the host name");
        }
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> read("listen:\n  http: 8080\n   bad: [\n"))
                .isInstanceOf(SiteException.class)
                .hasMessageMatching("spaprov\\.yaml:[34]: error: not valid YAML.*");
    }
}
