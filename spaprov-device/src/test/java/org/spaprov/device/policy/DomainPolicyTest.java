package org.spaprov.device.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainPolicyTest {

    @Test
    void emptyListAllowsEverything() {
        assertThat(DomainPolicy.allowed("prov.example.com", "")).isTrue();
        assertThat(DomainPolicy.allowed("10.0.0.1", null)).isTrue();
        assertThat(DomainPolicy.allowed("10.0.0.1", "  ")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com          | example.com                 | true",
        "prov.example.com     | example.com                 | true",
        "a.b.example.com      | example.com                 | true",
        "PROV.Example.COM     | example.com                 | true",
        "prov.example.com.    | example.com                 | true",
        "prov.example.com     | .example.com                | true",
        "prov.example.com     | other.net, example.com      | true",
        "prov.example.com     | ' other.net ,EXAMPLE.com. ' | true",
        "evilexample.com      | example.com                 | false",
        "example.com.evil.org | example.com                 | false",
        "example.org          | example.com                 | false",
        "com                  | example.com                 | false",
        "''                   | example.com                 | false",
        "prov.example.com     | ',,'                        | false",
    })
    void matchesWholeLabels(String host, String list, boolean expected) {
        assertThat(DomainPolicy.allowed(host, list)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"192.168.1.10", "127.0.0.1", "[::1]", "::1", "fe80::1"})
    void ipLiteralsAreRefusedWhenRestricted(String host) {
        assertThat(DomainPolicy.isIpLiteral(host)).isTrue();
        assertThat(DomainPolicy.allowed(host, "example.com")).isFalse();
        assertThat(DomainPolicy.allowed(host, "")).isTrue();
    }

    @Test
    void numericLookingNamesAreNames() {
        assertThat(DomainPolicy.isIpLiteral("1.2.3.999")).isFalse();
        assertThat(DomainPolicy.isIpLiteral("1.2.3")).isFalse();
        assertThat(DomainPolicy.allowed("1.2.3.example.com", "example.com")).isTrue();
    }

    @Test
    void nullHostIsRefusedWhenRestricted() {
        assertThat(DomainPolicy.allowed(null, "example.com")).isFalse();
    }
}
