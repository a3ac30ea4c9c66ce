package org.spaprov.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SiteInit;

/**
 * Issue 9 rows 6 and 9: the H2 store holds no device key or SIP password in clear, the data
 * directory is private, and a zero-length or damaged store refuses to start.
 */
class SecretsAtRestTest {
    @TempDir
    Path tmp;
    Path site;
    Path data;

    @BeforeEach
    void init() throws Exception {
        site = tmp.resolve("site");
        data = tmp.resolve("data");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
    }

    private ServerCore open() throws SiteException {
        return ServerCore.open(site, Optional.of(data), Optional.empty(), Clock.systemUTC());
    }

    private static boolean contains(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aCopiedStoreRevealsNoKeyAndNoPassword() throws Exception {
        try (ServerCore core = open()) {
            assertThat(core.store().key("000e08aabb02")).contains(SiteInit.EXAMPLE_KEY);
        }
        byte[] db = Files.readAllBytes(data.resolve("spaprov.mv.db"));
        assertThat(contains(db, "FM500A000002")).as("the search finds what is stored in clear").isTrue();
        assertThat(contains(db, SiteInit.EXAMPLE_KEY)).isFalse();
        for (String pw : List.of("pw-1001-change-me", "pw-1002-change-me", "pw-1003-change-me")) {
            assertThat(contains(db, pw)).as(pw).isFalse();
        }
        // Reopened with the same master key, everything is readable again.
        try (ServerCore core = open()) {
            assertThat(core.store().device("000e08aabb01").orElseThrow().vars()).containsEntry("sip_password",
                    "pw-1001-change-me");
            assertThat(core.store().key("000e08aabb02")).contains(SiteInit.EXAMPLE_KEY);
        }
    }

    @Test
    void theDataDirectoryIsPrivate() throws Exception {
        try (ServerCore core = open()) {
            core.store().flush();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(data.resolve(MasterKey.FILE)).exists();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anotherMasterKeyRefusesToStartAndSaysWhy() throws Exception {
        open().close();
        Files.writeString(data.resolve(MasterKey.FILE), MasterKey.generate() + "\n");
        assertThatThrownBy(this::open).isInstanceOf(SiteException.class)
                .hasMessageContaining("another master key").hasMessageNotContaining(SiteInit.EXAMPLE_KEY)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aZeroLengthStoreRefusesToStart() throws Exception {
        try (ServerCore core = open()) {
            core.store().flush();
        }
        Files.write(data.resolve("spaprov.mv.db"), new byte[0]);
        assertThatThrownBy(this::open).isInstanceOf(SiteException.class)
                .hasMessageContaining("spaprov.mv.db is empty (0 bytes)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.size(data.resolve("spaprov.mv.db"))).as("left as it was").isZero();
    }

    @Test
    void aDamagedStoreRefusesToStart() throws Exception {
        open().close();
        byte[] junk = new byte[8192];
        java.util.Arrays.fill(junk, (byte) 'x');
        Files.write(data.resolve("spaprov.mv.db"), junk);
        assertThatThrownBy(this::open).isInstanceOf(SiteException.class).hasMessageStartingWith("store ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theMasterKeyComesFromTheEnvironmentOrAFileMadeOnce() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("d"));
        String env = MasterKey.generate();
        SecretBox fromEnv = MasterKey.load(d, Map.of(MasterKey.ENV, env));
        assertThat(d.resolve(MasterKey.FILE)).doesNotExist();
        String sealed = fromEnv.seal("hunter2", "ctx");
        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("hunter2");
        assertThat(MasterKey.load(d, Map.of(MasterKey.ENV, env)).open(sealed, "ctx")).isEqualTo("hunter2");
        assertThatThrownBy(() -> fromEnv.open(sealed, "other")).isInstanceOf(SecretException.class);
        SecretBox fromFile = MasterKey.load(d, Map.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d.resolve(MasterKey.FILE))))
                .isEqualTo("rw-------");
        assertThat(MasterKey.load(d, Map.of()).open(fromFile.seal("x", "c"), "c")).isEqualTo("x");
        assertThatThrownBy(() -> MasterKey.load(d, Map.of(MasterKey.ENV, "short"))).isInstanceOf(SecretException.class)
                .hasMessageContaining(MasterKey.ENV + ": the master key must be base64 of 32 bytes");
    }
}
