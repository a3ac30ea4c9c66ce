package org.spaprov.device.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlArgumentTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prvserv/spa2102.cfg                        | prvserv/spa2102.cfg",
        "tftp://192.168.1.200/basic.txt             | tftp://192.168.1.200/basic.txt",
        "http://prov.example.com:8080/a.xml         | http://prov.example.com:8080/a.xml",
        "/spa2102.cfg                               | 10.1.2.3/spa2102.cfg",
        "http:///spa2102.cfg                        | http://10.1.2.3/spa2102.cfg",
        "http://:8080/spa2102.cfg                   | http://10.1.2.3:8080/spa2102.cfg",
        "http%3A%2F%2Fprov.example.com%2Fa%20b.cfg  | http://prov.example.com/a b.cfg",
        "%2Fx.cfg                                   | 10.1.2.3/x.cfg",
        "a+b%zz%4                                   | a+b%zz%4",
    })
    void completesTheUrl(String raw, String expected) {
        assertThat(UrlArgument.complete(raw, "10.1.2.3")).contains(expected);
    }

    @Test
    void noArgumentIsEmpty() {
        assertThat(UrlArgument.complete(null, "10.1.2.3")).isEmpty();
        assertThat(UrlArgument.complete("", "10.1.2.3")).isEmpty();
        assertThat(UrlArgument.complete("%20", "10.1.2.3")).isEmpty();
    }

    @Test
    void ipv6RequesterIsBracketed() {
        assertThat(UrlArgument.complete("/x.cfg", "::1")).contains("[::1]/x.cfg");
    }
}
