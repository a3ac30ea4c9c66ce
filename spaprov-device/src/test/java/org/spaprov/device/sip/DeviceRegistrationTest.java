package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceNetwork;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.sip.LineStatus;
import org.spaprov.device.sip.LineStatus.State;
import org.spaprov.device.stun.StunClient;

/**
 * A whole emulated device whose line 1 registers with a real registrar (sipp) from its SIP NOTIFY
 * port, as a real SPA does from its one SIP port, and whose rules see $REGTMR1/2. The guide (G301 p70): "REGTMR1 — Seconds since Line 1 lost registration to SIP
 * server"; its condition example (G30 p37): {@code $REGTMR1 gt 300 and $PRVTMR gt 1200 and "$EXTIP" ne ""}.
 */
class DeviceRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void rulesSeeTheRegistrationTimers() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        List<String> paths = new CopyOnWriteArrayList<>();
        BlockingQueue<LineStatus> lines = new LinkedBlockingQueue<>();
        DeviceNetwork net = new DeviceNetwork();
        try (SippRegistrar sipp = SippRegistrar.start(dir, "1001", "s3cret", 60)) {
            Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).network(net)
                    .syslog(false).resolver(host -> List.of(InetAddress.getByName("127.0.0.1")))
                    .transport(r -> {
                        paths.add(r.path());
                        return new FetchResult.Ok("<flat-profile/>".getBytes(StandardCharsets.UTF_8), r.addresses().get(0));
                    })
                    .set("Resync_On_Reset", "No").set("Proxy_1_", "127.0.0.1:" + sipp.port).set("User_ID_1_", "1001")
                    .set("Password_1_", "s3cret").set("Register_Expires_1_", "60").set("Line_Enable_2_", "No")
                    .set("Profile_Rule", "( $REGTMR1 eq 0 and $REGTMR2 gt 50 )? http://prov.test/line1-up-line2-down.xml")
                    .build();
            SipNotifyListener sip = SipNotifyListener.start(d, 0);
            try (sip; net) {
                net.start(d, clock, new DeviceNetwork.Settings(InetAddress.getLoopbackAddress(), Optional.of(sip), true,
                        StunClient.RFC_5389, HostResolver.SYSTEM), lines::add);
                registerAndResync(d, clock, lines, paths);
            }
            assertThat(sipp.exitCode()).as(sipp.log()).isZero();
            assertThat(sipp.messages()).contains("Via: SIP/2.0/UDP 127.0.0.1:" + sip.port() + ";",
                    "Contact: <sip:1001@127.0.0.1:" + sip.port() + ">");
        }
    }

    private static void registerAndResync(Device d, VirtualScheduler clock, BlockingQueue<LineStatus> lines,
            List<String> paths) throws InterruptedException {
        d.powerOn();
        clock.runDue();
        awaitRegistered(lines);
        assertThat(d.variables().getOrEmpty("REGTMR1")).isEqualTo("0");

        clock.advance(Duration.ofSeconds(LineRegistrar.refreshAfter(60))); // the refresh (sipp's second round)
        awaitRegistered(lines);
        assertThat(d.variables().getOrEmpty("REGTMR2")).as("line 2 disabled since power-on")
                .isEqualTo(String.valueOf(LineRegistrar.refreshAfter(60)));
        d.resyncNow(Optional.empty(), "");
        clock.runDue();
        assertThat(paths).containsExactly("/line1-up-line2-down.xml");
    }

    private static void awaitRegistered(BlockingQueue<LineStatus> lines) throws InterruptedException {
        while (true) {
            LineStatus s = lines.poll(20, TimeUnit.SECONDS);
            assertThat(s).as("line 1 to register").isNotNull();
            if (s.line() == 1 && s.state() == State.REGISTERED) {
                return;
            }
            assertThat(s.state()).as(s.toString()).isIn(State.REGISTERING, State.OFF);
        }
    }
}
