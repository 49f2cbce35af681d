package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyVaultTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another master key of 32 bytes!!".getBytes());

    @Test
    void privateKeysAreEncryptedAndOnlyTheSameMasterKeyDecryptsThem() {
        byte[] pkcs8 = Sm2.generateKeyPair().getPrivate().getEncoded();
        KeyVault vault = new KeyVault(KEY);

        byte[] stored = vault.encrypt(pkcs8);

        assertThat(indexOf(stored, Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length))).isNegative();
        assertThat(vault.decrypt(stored)).isEqualTo(pkcs8);
        assertThat(vault.encrypt(pkcs8)).isNotEqualTo(stored);
        assertThatThrownBy(() -> new KeyVault(OTHER_KEY).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theApplicationDoesNotStartWithoutAMasterKey() {
        assertThatThrownBy(() -> new KeyVault("")).hasMessageContaining("yiwang.seal.master-key");
        assertThatThrownBy(() -> new KeyVault("c2hvcnQ=")).hasMessageContaining("at least 32 random bytes");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
