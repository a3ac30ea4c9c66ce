package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.server.config.ServerConfig.Naming;

class NamingAndGuardTest {
    private final RequestNaming naming = new RequestNaming(Naming.defaults());

    @Test
    void userAgentOfSpaDevices() {
        assertThat(UserAgent.parse("Linksys/SPA-2102-5.2.12 (88012BA01234)")).contains(
                new UserAgent("Linksys", "SPA-2102", "5.2.12", Optional.of("88012BA01234")));
        assertThat(UserAgent.parse("Linksys/PAP2T-5.1.6(LS) (FM6)")).get()
                .satisfies(u -> assertThat(u.productName()).isEqualTo("PAP2T"))
                .satisfies(u -> assertThat(u.version()).isEqualTo("5.1.6(LS)"));
        assertThat(UserAgent.parse("Cisco/SPA-2102-2.0.6(b)")).get()
                .satisfies(u -> assertThat(u.serial()).isEmpty());
        assertThat(UserAgent.parse("curl/8.5.0")).isEmpty();
        assertThat(UserAgent.parse("Mozilla")).isEmpty();
    }

    @Test
    void defaultNames() {
        assertThat(naming.name("spa000e08aabbcc.cfg", "")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(FileKind.PROFILE))
                .satisfies(n -> assertThat(n.mac()).contains("000e08aabbcc"))
                .satisfies(n -> assertThat(n.plain()).isFalse());
        assertThat(naming.name("a/b/000E08AABBCC.xml", "")).get().satisfies(n -> assertThat(n.plain()).isTrue());
        assertThat(naming.name("spa2102.cfg", "")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(FileKind.BOOTSTRAP))
                .satisfies(n -> assertThat(n.series()).contains("2102"));
        assertThat(naming.name("prov", "a=1&mac=000e08aabbcc")).get()
                .satisfies(n -> assertThat(n.mac()).contains("000e08aabbcc"));
        assertThat(naming.name("firmware/x.bin", "")).get().satisfies(n -> assertThat(n.kind()).isEqualTo(FileKind.FIRMWARE));
        assertThat(naming.name("firmware/a/x.bin", "")).isEmpty();
        assertThat(naming.name("spa000e08aabbc.cfg", "")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(FileKind.BOOTSTRAP));  // 11 hex digits: a series name
        assertThat(naming.name("index.html", "")).isEmpty();
    }

    @Test
    void guardRefusesEscapes() {
        assertThat(PathGuard.check("/spa.cfg")).isEqualTo(new PathGuard.Ok("spa.cfg", ""));
        assertThat(PathGuard.check("spa.cfg?mac=1")).isEqualTo(new PathGuard.Ok("spa.cfg", "mac=1"));
        assertThat(PathGuard.check("/a/../b")).isInstanceOf(PathGuard.Refused.class);
        assertThat(PathGuard.check("/%2e%2e/b")).isInstanceOf(PathGuard.Refused.class);
        assertThat(PathGuard.check("C:\\boot.ini")).isInstanceOf(PathGuard.Refused.class);
        assertThat(PathGuard.check("//etc/passwd")).isInstanceOf(PathGuard.Refused.class);
        assertThat(PathGuard.check("/%zz")).isInstanceOf(PathGuard.Refused.class);
        assertThat(PathGuard.check("/" + "x".repeat(256))).isEqualTo(new PathGuard.Refused("name too long"));
    }
}
