package org.spaprov.device.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.device.peers.Peers.requirePeer;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spaprov.device.DeviceVariables;

/** SyslogEvents end to end: a real UDP socket on 127.0.0.1 receives what the device sends. */
class SyslogEventsTest {
    private static final Pattern RFC3164 = Pattern.compile(
            "<(\\d{1,3})>[A-Z][a-z]{2} [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d \\S+ [^\\s:\\[]+(\\[\\d+\\])?: .*");
    private final Map<String, String> params = new HashMap<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-04T07:01:02Z"), ZoneOffset.UTC);
    private DatagramSocket syslog;
    private DatagramSocket debug;
    private SyslogEvents events;

    @BeforeEach
    void setUp() throws Exception {
        syslog = receiver();
        debug = receiver();
        params.put("Syslog_Server", "127.0.0.1:" + syslog.getLocalPort());
        params.put("Log_Resync_Request_Msg", "$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH");
        params.put("Log_Resync_Success_Msg", "$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH");
        params.put("Log_Resync_Failure_Msg", "$PN $MAC -- Resync failed: $ERR");
        params.put("Log_Upgrade_Request_Msg", "$PN $MAC -- Requesting upgrade $SCHEME://$SERVIP:$PORT$PATH");
        params.put("Log_Upgrade_Success_Msg", "$PN $MAC -- Successful upgrade $SCHEME://$SERVIP:$PORT$PATH -- $ERR");
        params.put("Log_Upgrade_Failure_Msg", "$PN $MAC -- Upgrade failed: $ERR");
        params.put("GPP_SA", "TopSecretKey");
        params.put("Password_1_", "s3cret-line");
        events = new SyslogEvents(n -> params.getOrDefault(n, ""), new SyslogSender(clock));
    }

    @AfterEach
    void tearDown() {
        syslog.close();
        debug.close();
    }

    @Test
    void resyncMessagesAreExpandedWithNoticeAndErr() throws Exception {
        events.resyncRequest(vars(Map.of()));
        assertThat(receive(syslog)).isEqualTo(
                "<133>Nov  4 07:01:02 192.168.1.100 SPA2102: SPA2102 00:0e:08:aa:bb:cc -- Requesting resync "
                        + "http://10.0.0.5:80/spa2102.cfg");
        events.resyncSuccess(vars(Map.of()));
        assertThat(receive(syslog)).startsWith("<133>").endsWith("-- Successful resync http://10.0.0.5:80/spa2102.cfg");
        events.resyncFailure(vars(Map.of("ERR", "file not found")));
        assertThat(receive(syslog)).isEqualTo(
                "<131>Nov  4 07:01:02 192.168.1.100 SPA2102: SPA2102 00:0e:08:aa:bb:cc -- Resync failed: file not found");
    }

    @Test
    void upgradeMessages() throws Exception {
        events.upgradeRequest(vars(Map.of()));
        assertThat(receive(syslog)).startsWith("<133>").endsWith("Requesting upgrade http://10.0.0.5:80/spa2102.cfg");
        events.upgradeSuccess(vars(Map.of("ERR", "5.2.12")));
        assertThat(receive(syslog)).startsWith("<133>").endsWith("-- 5.2.12");
        events.upgradeFailure(vars(Map.of("ERR", "corrupt file")));
        assertThat(receive(syslog)).startsWith("<131>").endsWith("Upgrade failed: corrupt file");
    }

    @Test
    void alsoToDebugServerAndEmptyTemplatesAreSilent() throws Exception {
        params.put("Debug_Server", "127.0.0.1:" + debug.getLocalPort());
        params.put("Log_Resync_Request_Msg", "");
        events.resyncRequest(vars(Map.of()));
        events.resyncFailure(vars(Map.of("ERR", "timeout")));
        // lines go out in order, so the first one received proves the empty template sent nothing
        assertThat(receive(syslog)).endsWith("Resync failed: timeout");
        assertThat(receive(debug)).endsWith("Resync failed: timeout");
    }

    @Test
    void secretsNeverLeave() throws Exception {
        params.put("Log_Resync_Failure_Msg", "failed $ERR key=$SA");
        events.resyncFailure(vars(Map.of("ERR", "decrypt failed with TopSecretKey and s3cret-line")));
        String line = receive(syslog);
        assertThat(line).doesNotContain("TopSecretKey").doesNotContain("s3cret-line")
                .endsWith("failed decrypt failed with *** and *** key=$SA");
    }

    @Test
    void noServerNoLine() throws Exception {
        params.put("Syslog_Server", "");
        events.resyncFailure(vars(Map.of("ERR", "x")));
        params.put("Syslog_Server", "127.0.0.1:" + syslog.getLocalPort());
        events.resyncFailure(vars(Map.of("ERR", "second")));
        assertThat(receive(syslog)).endsWith("Resync failed: second");
    }

    @Test
    void sameShapeAsUtilLinuxLogger() throws Exception {
        Path logger = Path.of("/usr/bin/logger");
        requirePeer(Files.isExecutable(logger), "logger not installed");
        Process p = new ProcessBuilder(logger.toString(), "--rfc3164", "-d", "-n", "127.0.0.1", "-P",
                String.valueOf(syslog.getLocalPort()), "-p", "local0.notice", "-t", "SPA2102", "hello from logger")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String theirs = receive(syslog);
        events.resyncRequest(vars(Map.of()));
        String ours = receive(syslog);
        assertThat(theirs).matches(RFC3164).startsWith("<133>");
        assertThat(ours).matches(RFC3164).startsWith("<133>");
    }

    private static DeviceVariables vars(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of("PN", "SPA2102", "MAC", "00:0e:08:aa:bb:cc", "MA",
                "000e08aabbcc", "IP", "192.168.1.100", "SCHEME", "http", "SERVIP", "10.0.0.5", "PORT", "80", "PATH",
                "/spa2102.cfg", "SA", "TopSecretKey"));
        m.putAll(extra);
        return new DeviceVariables(m);
    }

    private static DatagramSocket receiver() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(10_000);
        return s;
    }

    private static String receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
