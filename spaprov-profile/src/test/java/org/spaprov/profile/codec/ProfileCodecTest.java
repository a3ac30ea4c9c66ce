package org.spaprov.profile.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {
    private static final byte[] XML = "<flat-profile><GPP_A>x</GPP_A></flat-profile>\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyCombinationRoundTrips() throws Exception {
        for (Digest md : Digest.values()) {
            for (boolean gz : new boolean[] {false, true}) {
                for (String key : new String[] {null, "SecretPhrase1234"}) {
                    byte[] enc = ProfileCodec.encode(XML, gz, key, md);
                    assertThat(ProfileCodec.decode(enc, key, md)).isEqualTo(XML);
                }
            }
        }
    }

    @Test
    void knownVectorMatchesOpenSslKeyDerivation() throws Exception {
        // openssl enc -aes-256-cbc -md md5 -k pass -S 0001020304050607 -P
        byte[] kiv = OpenSslAes.bytesToKey("pass".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, Digest.MD5, 48);
        assertThat(java.util.HexFormat.of().withUpperCase().formatHex(kiv, 0, 32)).hasSize(64);
        byte[] a = OpenSslAes.encrypt(XML, "pass", Digest.MD5, new byte[8]);
        byte[] b = OpenSslAes.encrypt(XML, "pass", Digest.MD5, new byte[8]);
        assertThat(a).isEqualTo(b);
        assertThat(OpenSslAes.encrypt(XML, "pass", Digest.MD5)).isNotEqualTo(OpenSslAes.encrypt(XML, "pass", Digest.MD5));
    }

    @Test
    void wrongKeyOrDigestIsDecryptFailedNeverGarbage() {
        byte[] enc = ProfileCodec.encode(XML, true, "right", Digest.MD5);
        for (int i = 0; i < 50; i++) {
            String wrong = "wrong" + i;
            assertThatThrownBy(() -> ProfileCodec.decode(enc, wrong, Digest.MD5))
                    .isInstanceOfSatisfying(CodecException.class,
                            e -> assertThat(e.errString()).isEqualTo("decrypt failed"));
        }
        assertThatThrownBy(() -> ProfileCodec.decode(enc, "right", Digest.SHA256))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.errString()).isEqualTo("decrypt failed"));
    }

    @Test
    void detectionErrors() {
        byte[] enc = ProfileCodec.encode(XML, false, "k", Digest.MD5);
        assertThatThrownBy(() -> ProfileCodec.decode(enc, null, Digest.MD5))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.KEY_REQUIRED));
        assertThatThrownBy(() -> ProfileCodec.decode(XML, "k", Digest.MD5))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.DECRYPT_FAILED));
        assertThatThrownBy(() -> ProfileCodec.decode("Name \"v\" ;".getBytes(), null, Digest.MD5))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.errString()).isEqualTo("unsupported format"));
        byte[] gz = Gzip.compress(XML);
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> ProfileCodec.decode(truncated, null, Digest.MD5))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.errString()).isEqualTo("corrupt file"));
        byte[] encTrunc = java.util.Arrays.copyOf(enc, enc.length - 3);
        assertThatThrownBy(() -> ProfileCodec.decode(encTrunc, "k", Digest.MD5))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.errString()).isEqualTo("corrupt file"));
    }

    @Test
    void gzipBombIsCorrupt() {
        byte[] bomb = Gzip.compress(new byte[Gzip.MAX_INFLATED + 1024]);
        assertThatThrownBy(() -> Gzip.decompress(bomb)).isInstanceOf(CodecException.class)
                .hasMessageContaining("larger than");
    }
}
