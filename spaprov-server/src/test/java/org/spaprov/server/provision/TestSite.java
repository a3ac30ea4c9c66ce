package org.spaprov.server.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.spaprov.testkit.MutableClock;

/** A small site written into a temp folder, and a core over it with an in-memory store. */
final class TestSite implements AutoCloseable {
    private static final AtomicInteger DB = new AtomicInteger();
    static final String A = "000e08000001";
    static final String B = "000e08000002";
    static final String KEY = "Secret-Key-B";

    final Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    ServerCore core;
    /** The chain, with the ports {@link #open(BoundPorts)} was given. */
    ProvisionChain chain;

    TestSite(Path dir) throws IOException {
        this.dir = dir;
        write("spaprov.yaml", "throttle: {window: 60s, limit: 5}\n");
        write("layers/global.xml", """
                <flat-profile>
                  <Resync_Periodic>3600</Resync_Periodic>
                  <Station_Name>global</Station_Name>
                  <Profile_Rule>http://prov.example.net/spa$MA.cfg</Profile_Rule>
                  <Display_Name_1_>{{ device.vars.name }} ($MA)</Display_Name_1_>
                  <Password_1_>{{ device.vars.sip_password }}</Password_1_>
                </flat-profile>
                """);
        write("layers/bootstrap.xml", """
                <flat-profile><Profile_Rule>http://prov.example.net/spa$MA.cfg</Profile_Rule></flat-profile>
                """);
        write("layers/model/spa2102.xml", "<flat-profile><Station_Name>model</Station_Name>"
                + "<Line_Enable_2_>Yes</Line_Enable_2_></flat-profile>\n");
        write("layers/group/office.xml", "<flat-profile><Station_Name>office</Station_Name>"
                + "<Resync_Periodic>1800</Resync_Periodic></flat-profile>\n");
        write("layers/group/night.xml", "<flat-profile><Station_Name>night</Station_Name></flat-profile>\n");
        write("layers/device/" + A + ".xml", "<flat-profile><Resync_Periodic>600</Resync_Periodic></flat-profile>\n");
        write("devices.csv", """
                mac,model,serial,groups,key,var.name,var.sip_password
                %s,spa2102,SNA,office night,,Alice,pw-alice-123
                %s,spa2102,SNB,office,%s,Bob,pw-bob-456
                """.formatted(A, B, KEY));
    }

    TestSite write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return this;
    }

    ServerCore open() throws Exception {
        return open(BoundPorts.NONE);
    }

    /** Opens the core and builds the chain as if the transports had bound {@code ports}. */
    ServerCore open(BoundPorts ports) throws Exception {
        core = ServerCore.open(dir, Optional.of(dir.resolve(".data")),
                Optional.of("jdbc:h2:mem:site" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1"), clock);
        chain = core.chain(ports);
        return core;
    }

    ProvisionResult get(Protocol p, String path) {
        return chain.handle(ProvisionRequest.of(p, path, new InetSocketAddress("127.0.0.1", 40000)));
    }

    ProvisionResult get(String path, String fromIp) {
        return chain.handle(ProvisionRequest.of(Protocol.HTTP, path, new InetSocketAddress(fromIp, 40000)));
    }

    ProvisionResult get(ProvisionRequest r) {
        return chain.handle(r);
    }

    static ProvisionRequest https(String path, X509Certificate cert) {
        return ProvisionRequest.of(Protocol.HTTPS, path, new InetSocketAddress("127.0.0.1", 40000)).withClientCert(cert);
    }

    static String text(ProvisionResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (core != null) {
            core.close();
        }
    }
}
