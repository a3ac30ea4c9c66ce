package org.spaprov.device.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.HostResolver;

/** A device sends its Log_Resync_* lines to Syslog_Server; a UDP socket receives them. */
class SyslogTest {
    @Test
    void resyncRequestAndFailureLinesReachTheSyslogServer() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            udp.setSoTimeout(10_000);
            VirtualScheduler clock = new VirtualScheduler();
            HostResolver loop = h -> List.of(java.net.InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1}));
            Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).resolver(loop)
                    .transport(r -> new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "test"))
                    .set("Resync_Random_Delay", "0").set("Profile_Rule", "http://prov.test/$MA.cfg")
                    .set("Syslog_Server", "127.0.0.1:" + udp.getLocalPort()).build();
            d.powerOn();
            clock.runDue();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                udp.receive(p);
                lines.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            assertThat(lines.get(0)).startsWith("<133>")
                    .endsWith("SPA2102 00:0e:08:aa:bb:cc -- Requesting resync http://127.0.0.1:80/000e08aabbcc.cfg");
            assertThat(lines.get(1)).startsWith("<131>").endsWith("SPA2102 00:0e:08:aa:bb:cc -- Resync failed: file not found");
        }
    }
}
