package org.spaprov.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoped tokens file: created hashed and owner-only, read back, damaged lines skipped by number, scopes parsed. */
class AdminTokensTest {
    @TempDir
    Path data;

    @Test
    void createdTokensAreKeptHashedAndGiveTheirScopes() throws Exception {
        AdminTokens tokens = new AdminTokens(data);
        String ops = tokens.create(EnumSet.of(Scope.PUSH, Scope.READ), "ops", new SecureRandom());
        Path file = data.resolve(AdminTokens.FILE_NAME);
        assertThat(Files.readString(file)).doesNotContain(ops).contains(AdminToken.hashOf(ops) + " read,push ops\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        BearerAuth auth = new BearerAuth("full-scope-token-0123456789", Optional.of(tokens));
        assertThat(auth.scopes("Bearer " + ops)).contains(Set.of(Scope.READ, Scope.PUSH));
        assertThat(auth.scopes("Bearer full-scope-token-0123456789")).contains(EnumSet.allOf(Scope.class));
        assertThat(auth.accepts("Bearer " + ops)).as("accepts() means the full-scope token").isFalse();
        assertThat(auth.scopes("Bearer " + ops + "x")).isEmpty();
        assertThat(auth.grant("Bearer " + ops)).get().extracting(BearerAuth.Grant::name).isEqualTo("ops");
        assertThat(auth.grant("Bearer full-scope-token-0123456789")).get().extracting(BearerAuth.Grant::name)
                .isEqualTo(BearerAuth.FULL_NAME);

        assertThatThrownBy(() -> tokens.create(EnumSet.of(Scope.READ), "ops", new SecureRandom()))
                .hasMessageContaining("'ops' exists");
        assertThatThrownBy(() -> tokens.create(EnumSet.of(Scope.READ), "bad name", new SecureRandom()))
                .hasMessageStartingWith("token name:");
    }

    @Test
    void damagedLinesAreSkippedByNumber() throws Exception {
        String good = AdminToken.hashOf("some-token-0123456789");
        Files.writeString(data.resolve(AdminTokens.FILE_NAME), "# comment\n" + good + " read grafana\n"
                + "sha256:zz read broken\n" + good + " admin other\n");
        AdminTokens tokens = new AdminTokens(data);
        assertThat(tokens.entries()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("grafana");
            assertThat(e.scopes()).containsExactly(Scope.READ);
        });
        assertThat(tokens.problems()).containsExactly(
                "admin.tokens:3: expected 'sha256:<64 hex> <scopes> <name>'",
                "admin.tokens:4: unknown scope 'admin' (known: read, write, push)");
    }

    @Test
    void scopeLists() {
        assertThat(Scope.parseList("read, PUSH")).containsExactlyInAnyOrder(Scope.READ, Scope.PUSH);
        assertThat(Scope.format(EnumSet.of(Scope.PUSH, Scope.READ))).isEqualTo("read,push");
        assertThatThrownBy(() -> Scope.parseList("read,")).hasMessage("unknown scope '' (known: read, write, push)");
    }
}
