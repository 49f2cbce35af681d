package org.yiwang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SM4-GCM at rest: what the seal key vault and the identity module stored before still reads back. */
class Sm4GcmTest {

    private static final byte[] MASTER = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ciphertextsStoredBeforeStillDecrypt() {
        assertThat(Sm4Gcm.derived(MASTER, "yiwang:seal-keys").decrypt(HEX.parseHex(
                "018ac76a5b601f4671b15647d31a6508edab5f3e2d359e2d1451a938c60a38ddaa513f26de")))
                .asString(StandardCharsets.UTF_8).isEqualTo("seal key");
        assertThat(Sm4Gcm.derived(MASTER, "yiwang:encrypt").decrypt(HEX.parseHex(
                "01ae9decb10e6e4f832be5930129f9c7915155af5cee37fc4faaa4032724b68670aefc6990269e0af9b13e29b4fbe7")))
                .asString(StandardCharsets.UTF_8).isEqualTo("440304198503120013");
        assertThat(HEX.formatHex(Sm4Gcm.hmacSm3(Sm4Gcm.hmacSm3(MASTER, "yiwang:hash"), "440304198503120013")))
                .isEqualTo("7fdbbdff70443c4f20676ace79ea01a65e1c3203fd5e8c4fef20a5b187c71ce1");
    }

    @Test
    void onlyTheSameKeyReadsAnUnalteredCiphertext() {
        Sm4Gcm cipher = Sm4Gcm.derived(MASTER, "test");
        byte[] stored = cipher.encrypt("秘密".getBytes(StandardCharsets.UTF_8));

        assertThat(cipher.decrypt(stored)).asString(StandardCharsets.UTF_8).isEqualTo("秘密");
        assertThat(cipher.encrypt("秘密".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(stored);
        assertThatThrownBy(() -> Sm4Gcm.derived(MASTER, "other").decrypt(stored))
                .isInstanceOf(IllegalStateException.class);
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(stored)).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {2, 0})).hasMessageContaining("format");
    }

    @Test
    void aMissingOrShortMasterKeyIsRefused() {
        assertThatThrownBy(() -> Sm4Gcm.master("", "x.key", "it")).hasMessageContaining("x.key")
                .hasMessageContaining("at least 32 random bytes");
        assertThatThrownBy(() -> Sm4Gcm.master("not base64!", "x.key", "it")).isInstanceOf(IllegalStateException.class);
        assertThat(Sm4Gcm.master(java.util.Base64.getEncoder().encodeToString(MASTER), "x.key", "it")).hasSize(32);
    }
}
