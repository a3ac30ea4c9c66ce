package org.spaprov.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin config's start-up checks, where the token comes from, and the bearer check. */
class AdminConfigTest {
    @TempDir
    Path tmp;

    @Test
    void aBadConfigStopsStartUpWithoutShowingTheToken() {
        String shortToken = "short-secret";
        assertThatThrownBy(() -> new AdminConfig("127.0.0.1", 0, shortToken))
                .hasMessage("admin: the token must be at least 16 characters");
        String spaced = "a token with spaces in it";
        assertThatThrownBy(() -> new AdminConfig("127.0.0.1", 0, spaced))
                .hasMessageStartingWith("admin: the token may only hold").hasMessageNotContaining(spaced);
        assertThatThrownBy(() -> new AdminConfig("127.0.0.1", 70000, "0123456789abcdef"))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> new AdminConfig("127.0.0.1", -1, "0123456789abcdef"))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new AdminConfig(" ", 0, "0123456789abcdef")).hasMessageContaining("bind");
        AdminConfig ok = new AdminConfig("127.0.0.1", 0, "0123456789abcdef==");
        assertThat(ok.toString()).doesNotContain("0123456789abcdef").contains("***");
    }

    @Test
    void theEnvironmentWinsAndNothingIsWritten() throws Exception {
        AdminToken t = AdminToken.resolve(Map.of(AdminToken.ENV, "from-the-environment-123"), tmp, new SecureRandom());
        assertThat(t.secret()).isEqualTo("from-the-environment-123");
        assertThat(t.file()).isEmpty();
        assertThat(t.where()).isEqualTo("from $SPAPROV_ADMIN_TOKEN");
        assertThat(t.toString()).doesNotContain("from-the-environment-123");
        assertThat(tmp.resolve(AdminToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void elseANewTokenIsWrittenOwnerOnly() throws Exception {
        Path data = tmp.resolve("data");
        AdminToken t = AdminToken.resolve(Map.of(), data, new SecureRandom());
        Path file = data.resolve(AdminToken.FILE_NAME);
        assertThat(t.file()).contains(file);
        assertThat(t.where()).isEqualTo("in " + file);
        assertThat(t.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file)).isEqualTo(t.secret() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(t.toString()).doesNotContain(t.secret());
        new AdminConfig("127.0.0.1", 0, t.secret());

        // Only its hash is kept for the server; a restart finds the same token (issue 9 row 17).
        Path hash = data.resolve(AdminToken.HASH_FILE_NAME);
        assertThat(Files.readString(hash)).isEqualTo(AdminToken.hashOf(t.secret()) + "\n").doesNotContain(t.secret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hash))).isEqualTo("rw-------");
        Files.delete(file);   // the operator read it and deleted it
        AdminToken again = AdminToken.resolve(Map.of(AdminToken.ENV, ""), data, new SecureRandom());
        assertThat(again.secret()).isEqualTo(AdminToken.hashOf(t.secret()));
        assertThat(again.file()).isEmpty();
        assertThat(again.where()).startsWith("issued earlier");
        BearerAuth auth = new BearerAuth(new AdminConfig("127.0.0.1", 0, again.secret()).token());
        assertThat(auth.accepts("Bearer " + t.secret())).isTrue();
        assertThat(auth.accepts("Bearer " + again.secret())).as("the hash is no token").isFalse();
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(hash);
        }
        // Deleting the hash issues a new token.
        Files.delete(hash);
        AdminToken fresh = AdminToken.resolve(Map.of(), data, new SecureRandom());
        assertThat(fresh.secret()).isNotEqualTo(t.secret()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void bearerCheck() {
        BearerAuth auth = new BearerAuth("0123456789abcdef");
        assertThat(auth.accepts("Bearer 0123456789abcdef")).isTrue();
        assertThat(auth.accepts("bearer 0123456789abcdef")).isTrue();
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("Bearer ")).isFalse();
        assertThat(auth.accepts("Bearer 0123456789abcde")).isFalse();
        assertThat(auth.accepts("Bearer 0123456789abcdef0")).isFalse();
        assertThat(auth.accepts("Basic 0123456789abcdef")).isFalse();
        assertThat(auth.accepts("0123456789abcdef")).isFalse();
    }
}
