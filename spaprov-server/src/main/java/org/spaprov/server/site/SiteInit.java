package org.spaprov.server.site;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.spaprov.profile.firmware.FirmwareImage;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.Issued;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.pki.PkiException;

/**
 * Writes a working example site (what {@code spaprov site init DIR} does): {@code spaprov.yaml} on
 * loopback ports 6969/8080/8443, global, bootstrap, SPA2102 and PAP2T model layers, an {@code office}
 * group, a device layer, three devices in {@code devices.csv} (one with a key), a firmware image with
 * a target version, and a PKI made with BouncyCastle: {@code pki/ca.crt} (+ {@code ca.key}),
 * {@code pki/server.crt}+{@code .key} (CN=localhost, SAN localhost and 127.0.0.1, plus the {@link Addresses}
 * given: then CN is the first host name, which also becomes {@code listen.public-host}) and
 * {@code pki/devices/<mac>.crt}+{@code .key}. Stateless.
 */
public final class SiteInit {
    /** The example devices: MAC, model, product name, serial. */
    public static final List<String[]> DEVICES = List.of(
            new String[] {"000e08aabb01", "spa2102", "SPA-2102", "FM500A000001"},
            new String[] {"000e08aabb02", "spa2102", "SPA-2102", "FM500A000002"},
            new String[] {"000e08aabb03", "pap2t", "PAP2T", "FM600B000003"});
    /** The key of the second example device. */
    public static final String EXAMPLE_KEY = "Example-Key-0002";

    private SiteInit() {
    }

    /**
     * The names and addresses devices use to reach the server ({@code site init --host/--ip}): they go into the
     * server certificate next to {@code localhost} and {@code 127.0.0.1}; the first host name (else the first
     * address) becomes {@code listen.public-host}. Validated on construction.
     */
    public record Addresses(List<String> hosts, List<String> ips) {
        /** Only loopback: the example as it always was. */
        public static final Addresses LOOPBACK = new Addresses(List.of(), List.of());

        public Addresses {
            hosts = List.copyOf(hosts);
            ips = List.copyOf(ips);
            for (String h : hosts) {
                if (!DNS_NAME.matcher(h).matches() || h.matches("[0-9.]+")) {
                    throw new IllegalArgumentException("--host '" + h + "' is not a host name (prov.example.net);"
                            + " give an address with --ip");
                }
            }
            for (String ip : ips) {
                if (!isIpLiteral(ip)) {
                    throw new IllegalArgumentException("--ip '" + ip + "' is not an IPv4 or IPv6 address");
                }
            }
        }

        /** The {@code listen.public-host} of the written site, if any. */
        public Optional<String> publicHost() {
            return hosts.isEmpty() ? ips.stream().findFirst() : Optional.of(hosts.get(0));
        }

        List<String> dnsNames() {
            return distinct(hosts, "localhost");
        }

        List<String> ipAddresses() {
            return distinct(ips, "127.0.0.1");
        }

        private static List<String> distinct(List<String> first, String then) {
            LinkedHashSet<String> all = new LinkedHashSet<>(first);
            all.add(then);
            return List.copyOf(all);
        }
    }

    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** A literal only: never a DNS lookup (a name would be resolved by {@link InetAddress#getByName}). */
    private static boolean isIpLiteral(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(s) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Writes the example into {@code dir}, which must be missing or empty.
     *
     * @return the files written, site-relative, in order
     * @throws SiteException when the directory is not empty or a file cannot be written
     */
    public static List<String> write(Path dir, Clock clock, KeyKind deviceKeys) throws SiteException {
        return write(dir, clock, deviceKeys, Addresses.LOOPBACK);
    }

    /**
     * As {@link #write(Path, Clock, KeyKind)}, with the server certificate also naming {@code addresses}, and
     * {@code listen.public-host} set to the first of them.
     */
    public static List<String> write(Path dir, Clock clock, KeyKind deviceKeys, Addresses addresses)
            throws SiteException {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw SiteException.at(dir.toString(), 0, "exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw SiteException.at(dir.toString(), 0, "is not empty; choose a new directory");
                    }
                }
            }
            Files.createDirectories(dir);
            List<String> written = new ArrayList<>();
            text(dir, "spaprov.yaml", yaml(addresses), written);
            text(dir, ".gitignore", GITIGNORE, written);
            text(dir, "layers/global.xml", GLOBAL, written);
            text(dir, "layers/bootstrap.xml", BOOTSTRAP, written);
            text(dir, "layers/model/spa2102.xml", SPA2102, written);
            text(dir, "layers/model/pap2t.xml", PAP2T, written);
            text(dir, "layers/group/office.xml", OFFICE, written);
            text(dir, "layers/device/000e08aabb02.xml", DEVICE2, written);
            text(dir, "devices.csv", CSV, written);
            byte[] fw = FirmwareImage.make("spa2102", "5.2.12",
                    "spaprov example firmware payload for spa2102 5.2.12\n".repeat(64).getBytes(StandardCharsets.US_ASCII));
            Files.createDirectories(dir.resolve("firmware"));
            Files.write(dir.resolve("firmware/spa2102-5.2.12.bin"), fw);
            written.add("firmware/spa2102-5.2.12.bin");
            pki(dir, clock, deviceKeys, addresses, written);
            return written;
        } catch (IOException e) {
            throw SiteException.at(dir.toString(), 0, "cannot write the example site: " + e.getMessage());
        } catch (PkiException e) {
            throw SiteException.at(dir.resolve("pki").toString(), 0, e.getMessage());
        }
    }

    private static void pki(Path dir, Clock clock, KeyKind deviceKeys, Addresses addresses, List<String> written)
            throws PkiException {
        Duration tenYears = Duration.ofDays(3650);
        CertificateAuthority ca = CertificateAuthority.create("spaprov example CA", KeyKind.RSA_2048, tenYears, clock);
        Path pki = dir.resolve("pki");
        Pem.writeCertificate(pki.resolve("ca.crt"), ca.certificate());
        Pem.writePrivateKey(pki.resolve("ca.key"), ca.ca().key());
        written.add("pki/ca.crt");
        written.add("pki/ca.key");
        Issued server = ca.issueServer(addresses.dnsNames(), addresses.ipAddresses(), KeyKind.RSA_2048,
                tenYears);
        Pem.writeCertificate(pki.resolve("server.crt"), server.certificate());
        Pem.writePrivateKey(pki.resolve("server.key"), server.key());
        written.add("pki/server.crt");
        written.add("pki/server.key");
        for (String[] d : DEVICES) {
            Issued dev = ca.issueDevice(d[0], d[2], d[3], deviceKeys, tenYears);
            Pem.writeCertificate(pki.resolve("devices/" + d[0] + ".crt"), dev.certificate());
            Pem.writePrivateKey(pki.resolve("devices/" + d[0] + ".key"), dev.key());
            written.add("pki/devices/" + d[0] + ".crt");
            written.add("pki/devices/" + d[0] + ".key");
        }
    }

    private static void text(Path dir, String rel, String content, List<String> written) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        written.add(rel);
    }

    private static String yaml(Addresses addresses) {
        return addresses.publicHost()
                .map(h -> YAML.replace("  # public-host: prov.example.net   # the name devices use; every generated URL names it",
                        "  public-host: " + h + "   # the name devices use; every generated URL names it"))
                .orElse(YAML);
    }

    private static final String YAML = """
            # spaprov site settings. Every key is optional; see docs/server.md.
            listen:
              bind: 127.0.0.1       # 0.0.0.0 to serve real devices on the network, with public-host:
              # public-host: prov.example.net   # the name devices use; every generated URL names it
              tftp: 6969            # 69 needs root (or CAP_NET_BIND_SERVICE)
              http: 8080
              https: 8443
              # syslog: 5514        # devices' syslog (UDP) for their status; set their Syslog_Server to it
            tls:
              cert: pki/server.crt
              key: pki/server.key
              client-ca: pki/ca.crt
              client-certs: optional   # none | optional | required
            devices:
              unknown: deny            # deny | bootstrap-only | auto-add
            throttle:
              window: 60s
              limit: 20
            profiles:
              gzip: true
            naming:
              profiles: [spa$MA.cfg, $MA.cfg, "*?mac=$MA"]   # encrypted when the device has a key
              plain: [spa$MA.xml, $MA.xml]                   # plain XML (keyed devices: HTTPS only)
              bootstrap: [spa$PSN.cfg, spa$PSN.xml]
            firmware:
              spa2102: 5.2.12
            security:
              # deny: passwords and keys only to a device that proved who it is (its client
              # certificate, or a file encrypted with its key); allow: the guide's plain TFTP practice
              plain-secrets: deny
            """;

    /** Every private key stays out of git: the CA's, the server's and the devices'; and the data directory. */
    private static final String GITIGNORE = """
            .data/
            *.key
            pki/**/*.key
            """;

    private static final String GLOBAL = """
            <flat-profile>
              <!-- Every device. {{ ... }} is filled in by the server (device.*, server.*); $MA is left for the device. -->
              <Provision_Enable>Yes</Provision_Enable>
              <Resync_On_Reset>Yes</Resync_On_Reset>
              <Resync_Periodic>3600</Resync_Periodic>
              <Profile_Rule>{{ server.https_url }}/spa$MA.xml</Profile_Rule>
              <Upgrade_Enable>Yes</Upgrade_Enable>
              <Display_Name_1_>{{ device.vars.station }}</Display_Name_1_>
              <Proxy_1_>sip.example.net</Proxy_1_>
              <User_ID_1_>{{ device.vars.sip_user }}</User_ID_1_>
              <Password_1_ ua="na">{{ device.vars.sip_password }}</Password_1_>
            </flat-profile>
            """;

    private static final String BOOTSTRAP = """
            <flat-profile>
              <!-- Served for spa$PSN.cfg (e.g. spa2102.cfg over TFTP): send the device to its own profile. -->
              <Profile_Rule>{{ server.https_url }}/spa$MA.xml</Profile_Rule>
              <Resync_Periodic>60</Resync_Periodic>
            </flat-profile>
            """;

    private static final String SPA2102 = """
            <flat-profile>
              <Line_Enable_1_>Yes</Line_Enable_1_>
              <Line_Enable_2_>Yes</Line_Enable_2_>
              <SIP_Port_1_>5060</SIP_Port_1_>
              <SIP_Port_2_>5061</SIP_Port_2_>
            </flat-profile>
            """;

    private static final String PAP2T = """
            <flat-profile>
              <Line_Enable_1_>Yes</Line_Enable_1_>
              <Line_Enable_2_>No</Line_Enable_2_>
            </flat-profile>
            """;

    private static final String OFFICE = """
            <flat-profile>
              <Dial_Plan_1_>(*xx|[3469]11|0|00|[2-9]xxxxxx|1xxx[2-9]xxxxxxS0|xxxxxxxxxxxx.)</Dial_Plan_1_>
              <Resync_Periodic>1800</Resync_Periodic>
            </flat-profile>
            """;

    private static final String DEVICE2 = """
            <flat-profile>
              <!-- This device has a key: HTTPS delivers it once, then it fetches encrypted files over HTTP. -->
              <GPP_SA ua="na">{{ device.key }}</GPP_SA>
              <Profile_Rule_B>[--key $SA] {{ server.http_url }}/spa$MA.cfg</Profile_Rule_B>
            </flat-profile>
            """;

    private static final String CSV = """
            mac,model,serial,groups,key,var.station,var.sip_user,var.sip_password
            000e08aabb01,spa2102,FM500A000001,office,,Reception,1001,pw-1001-change-me
            000e08aabb02,spa2102,FM500A000002,office,%s,Sales,1002,pw-1002-change-me
            000e08aabb03,pap2t,FM600B000003,,,Lobby,1003,pw-1003-change-me
            """.formatted(EXAMPLE_KEY);
}
