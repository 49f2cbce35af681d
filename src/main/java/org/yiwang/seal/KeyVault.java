package org.yiwang.seal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.shared.Sm4Gcm;

/**
 * Encrypts private keys at rest with SM4-GCM ({@link Sm4Gcm}) under a key derived from {@code yiwang.seal.master-key}
 * (at least 32 random bytes, Base64). The application does not start without it; the demo profile ships a public one.
 */
@Component
class KeyVault {

    private final Sm4Gcm cipher;

    KeyVault(@Value("${yiwang.seal.master-key:}") String masterKey) {
        this.cipher = Sm4Gcm.derived(Sm4Gcm.master(masterKey, "yiwang.seal.master-key",
                "the seal signing keys stored in the database"), "yiwang:seal-keys");
    }

    byte[] encrypt(byte[] plain) {
        return cipher.encrypt(plain);
    }

    byte[] decrypt(byte[] stored) {
        return cipher.decrypt(stored);
    }
}
