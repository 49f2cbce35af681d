package org.yiwang.identity.person;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.shared.Sm4Gcm;

/**
 * Encrypts personal data at rest (SM4-GCM, {@link Sm4Gcm}) and computes keyed hashes (HMAC-SM3) to find and
 * de-duplicate it without decrypting. Both keys are derived from {@code yiwang.identity.data-key} (at least 32 random
 * bytes, Base64); the application does not start without it.
 */
@Component
public class PersonalDataProtection {

    private final Sm4Gcm cipher;
    private final byte[] hashKey;

    PersonalDataProtection(@Value("${yiwang.identity.data-key:}") String dataKey) {
        byte[] master = Sm4Gcm.master(dataKey, "yiwang.identity.data-key", "the ID numbers stored in the database");
        this.cipher = Sm4Gcm.derived(master, "yiwang:encrypt");
        this.hashKey = Sm4Gcm.hmacSm3(master, "yiwang:hash");
    }

    public byte[] encrypt(String plain) {
        return cipher.encrypt(plain.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] stored) {
        return new String(cipher.decrypt(stored), StandardCharsets.UTF_8);
    }

    /** Keyed hash (HMAC-SM3, 32 bytes): equal inputs give equal hashes; without the key it reveals nothing. */
    public byte[] hash(String plain) {
        return Sm4Gcm.hmacSm3(hashKey, plain);
    }
}
