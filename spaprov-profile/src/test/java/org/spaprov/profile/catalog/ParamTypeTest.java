package org.spaprov.profile.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTypeTest {
    private static void good(ParamType t, String... values) {
        for (String v : values) {
            assertThat(t.check(v)).as(t.describe() + " accepts '" + v + "'").isEmpty();
        }
    }

    private static void bad(ParamType t, String value, String messagePart) {
        assertThat(t.check(value)).as(t.describe() + " rejects '" + value + "'").get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(messagePart);
    }

    @Test
    void bool() {
        ParamType t = ParamType.parse("bool", List.of());
        good(t, "Yes", "No", "yes", "NO", "Enable", "disable", "1", "0");
        bad(t, "", "empty value");
        bad(t, "maybe", "expected Yes or No");
        assertThat(t.kind()).isEqualTo("bool");
    }

    @Test
    void choice() {
        ParamType t = ParamType.parse("choice", List.of("DHCP", "Static IP", "PPPOE"));
        good(t, "DHCP", "Static IP", "dhcp");
        bad(t, "Static", "not one of: DHCP, Static IP, PPPOE");
        bad(t, "", "empty value");
        assertThat(t.describe()).isEqualTo("{DHCP, Static IP, PPPOE}");
    }

    @Test
    void unsignedAndSigned() {
        ParamType u16 = ParamType.parse("uns16", List.of());
        good(u16, "0", "65535", "0x18", "0XFF", "", "+5");
        bad(u16, "65536", "65536 is out of range 0..65535 (Uns16)");
        bad(u16, "-1", "negative number not allowed");
        bad(u16, "12a", "not a number (character 3)");
        bad(u16, "0x", "not a number");
        bad(u16, "99999999999999999999", "number too large");
        ParamType u8 = ParamType.parse("uns8", List.of());
        good(u8, "0x68", "0xb8", "255");
        bad(u8, "0x100", "256 is out of range 0..255 (Uns8)");
        ParamType u32 = ParamType.parse("uns32", List.of());
        good(u32, "4294967295", "2147483647");
        bad(u32, "4294967296", "out of range");
        ParamType s16 = ParamType.parse("sig16", List.of());
        good(s16, "-3", "+3", "-32768", "32767");
        bad(s16, "-32769", "-32769 is out of range -32768..32767 (Sig16)");
        assertThat(u16.kind()).isEqualTo("uns");
        assertThat(s16.kind()).isEqualTo("sig");
    }

    @Test
    void stringLengthWithoutQuotingTheValue() {
        ParamType t = ParamType.parse("str:8", List.of());
        good(t, "", "12345678", "a b");
        bad(t, "supersecretpw", "too long: 13 characters, at most 8");
        assertThat(t.check("supersecretpw").orElseThrow()).doesNotContain("supersecret");
        bad(t, "a\u0001b", "control character at character 2");
    }

    @Test
    void ipPortFqdn() {
        ParamType ip = ParamType.parse("ip", List.of());
        good(ip, "", "192.168.0.1", "0.0.0.0", "255.255.255.255");
        bad(ip, "192.168.0.256", "part 4 of the IP address is 256");
        bad(ip, "192.168.0", "3 parts, expected 4");
        bad(ip, "1.2.3.4.5", "not an IPv4 address");
        bad(ip, "a.b.c.d", "not an IPv4 address");
        ParamType port = ParamType.parse("port", List.of());
        good(port, "5060", "0", "65535", "0x13c4", "");
        bad(port, "70000", "70000 is out of range 0..65535 (Port)");
        ParamType fqdn = ParamType.parse("fqdn", List.of());
        good(fqdn, "", "sip.Linksys.com:5060", "109.12.14.12:12345", "proxy_1.example");
        bad(fqdn, "sip.example.com:99999", "bad port");
        bad(fqdn, "sip example.com", "character 4 is not allowed in a host name");
        bad(fqdn, ":5060", "host name missing");
        bad(fqdn, "a".repeat(64), "at most 63");
    }

    @Test
    void phoneUserIdActCode() {
        ParamType phone = ParamType.parse("phone", List.of());
        good(phone, "14081234567", "*69", "1234@10.10.10.100:5068", "jsmith@Linksys.com", "");
        bad(phone, "1".repeat(40), "at most 39");
        bad(phone, "123 456", "space at character 4");
        ParamType uid = ParamType.parse("userid", List.of());
        good(uid, "juser", "");
        bad(uid, "x".repeat(64), "at most 63");
        ParamType act = ParamType.parse("actcode", List.of());
        good(act, "*69", "#99", "*0272640", "");
        bad(act, "*6a", "character 3 is not allowed in an activation code");
        bad(act, "*".repeat(12), "at most 11");
    }

    @Test
    void timeAndPowerLevels() {
        ParamType time = ParamType.parse("time:3", List.of());
        good(time, ".5", "0.030", "32", "", "1.23456");
        bad(time, "-1", "negative value not allowed");
        bad(time, "1s", "not a number (character 2)");
        bad(time, ".", "not a number");
        ParamType pwr = ParamType.parse("pwrlevel", List.of());
        good(pwr, "-13.5", "1.5", "-3", "0");
        bad(pwr, "-13.55", "too many decimals (2); PwrLevel allows 1");
    }

    @Test
    void templates() {
        ParamType rsc = ParamType.parse("rsctmplt", List.of());
        good(rsc, "404, 5*", "61?", "407, 408, 487, 481", "");
        bad(rsc, "40x", "character 3 is not allowed in a response-code template");
        bad(rsc, "4".repeat(40), "at most 39");
        ParamType ph = ParamType.parse("phtmplt", List.of());
        good(ph, "1408*, 1510*", "1408123????, 555?1.", "");
        assertThat(ph.describe()).isEqualTo("PhTmplt");
    }

    @Test
    void toneLanguages() {
        ParamType freq = ParamType.parse("freqscript", List.of());
        good(freq, "440@-10", "350@-19,440@-19", "");
        bad(freq, "440", "expected '@' and a level at character 4");
        bad(freq, "1@1,2@2,3@3,4@4,5@5,6@6,7@7", "more than 6 frequencies");
        ParamType cad = ParamType.parse("cadscript", List.of());
        good(cad, "60(2/4)", "60(.2/.2,.2/.2,.2/.2,1/4)", "30(.1/.1, .1/9.7)", "2.3(.3/2)", "60(2/4);10(1/1)");
        bad(cad, "60(2/4", "expected ')' at character 7");
        bad(cad, "60(2)", "expected '/' between on and off times");
        ParamType tone = ParamType.parse("tonescript", List.of());
        good(tone, "350@-19,440@-19;10(*/0/1+2)", "350@-19,440@-19;2(.1/.1/1+2);10(*/0/1+2)",
                "985@-16,1428@-16,1777@-16;20(.380/0/1,.380/0/2,.380/0/3,0/4/0)",
                "600@-10;*(0/1/1,.1/.1/1,.1/.1/1,.1/.5/1)");
        bad(tone, "350@-19;10(*/0)", "expected '/' and frequency components");
        bad(tone, "350@-19", "expected ';' after the frequencies");
        bad(tone, "x".repeat(128), "at most 127");
        ParamType dp = ParamType.parse("dialplan", List.of());
        good(dp, "(*xx|[3469]11|0|00|[2-9]xxxxxx|1xxx[2-9]xxxxxxS0|xxxxxxxxxxxx.)");
        bad(dp, "x".repeat(2048), "at most 2047");
    }

    @Test
    void scheduleVersionMacAndRules() {
        ParamType sched = ParamType.parse("schedule", List.of());
        good(sched, "3600", "", "0", "1800,3600,7200,14400", "3600+600", "1800+300, 3600+600 , 7200+900", " ");
        bad(sched, "1800,", "schedule element 2: expected a number of seconds at character 6");
        bad(sched, "1h", "schedule element 1: unexpected character 2");
        bad(sched, "3600+", "expected a number of seconds");
        bad(sched, "99999999999", "seconds above 4294967295");
        ParamType ver = ParamType.parse("version", List.of());
        good(ver, "", "5.1.10(GW)", "2.0.6(b)", "7.5.2b", "3.0");
        bad(ver, "v3", "starts with a digit");
        bad(ver, "1.0(a)b", "one parenthesised part at the end");
        bad(ver, "1.0 beta", "character 4 is not allowed");
        ParamType mac = ParamType.parse("mac", List.of());
        good(mac, "000e08aabbcc", "00:0E:08:AA:BB:CC", "");
        bad(mac, "000e08aabb", "12 hex digits, found 10");
        bad(mac, "000e08aabbzz", "character 11 is not allowed");
        for (String k : List.of("rule", "upgrade-rule", "report-rule", "condition")) {
            ParamType t = ParamType.parse(k, List.of());
            assertThat(t.kind()).isEqualTo(k);
            good(t, "", "/spa$PSN.cfg");
            bad(t, "x".repeat(1024), "at most 1023");
        }
    }

    @Test
    void unknownSpecIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParamType.parse("blob", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blob");
    }
}
