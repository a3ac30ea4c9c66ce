package org.spaprov.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;

/** Where the operator commands find the admin API and its token: flags, then the environment, then the default. */
class AdminOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheDefault() throws Exception {
        AdminOptions o = new AdminOptions();
        Map<String, String> env = Map.of(AdminOptions.TOKEN_ENV, "env-token-0123456789");
        assertThat(o.client(env).base().toString()).isEqualTo(AdminOptions.DEFAULT_URL);
        assertThat(o.client(Map.of(AdminOptions.TOKEN_ENV, "t", AdminOptions.URL_ENV, "http://10.0.0.5:9091/api/v1/"))
                .base().toString()).isEqualTo("http://10.0.0.5:9091");
        o.admin = "http://127.0.0.1:7000";
        assertThat(o.client(Map.of(AdminOptions.TOKEN_ENV, "t", AdminOptions.URL_ENV, "http://10.0.0.5:9091"))
                .base().toString()).isEqualTo("http://127.0.0.1:7000");
        assertThat(o.client(env).toString()).doesNotContain("env-token");
    }

    @Test
    void aTokenIsNeeded() throws Exception {
        AdminOptions o = new AdminOptions();
        assertThatThrownBy(() -> o.client(Map.of())).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.exitCode()).isEqualTo(Cli.USAGE)).hasMessageContaining(AdminOptions.TOKEN_ENV);
        o.tokenFile = Files.writeString(tmp.resolve("empty"), "\n");
        assertThatThrownBy(() -> o.client(Map.of(AdminOptions.TOKEN_ENV, "t"))).isInstanceOfSatisfying(
                UserException.class, e -> assertThat(e.exitCode()).isEqualTo(Cli.INVALID)).hasMessageContaining("is empty");
        o.tokenFile = tmp.resolve("missing");
        assertThatThrownBy(() -> o.client(Map.of())).hasMessageContaining("cannot read");
        o.tokenFile = null;
        o.admin = "127.0.0.1:9090";
        assertThatThrownBy(() -> o.client(Map.of(AdminOptions.TOKEN_ENV, "t"))).isInstanceOfSatisfying(
                UserException.class, e -> assertThat(e.exitCode()).isEqualTo(Cli.USAGE));
    }
}
