package org.yiwang.identity.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (SM4-GCM) and computes keyed hashes (HMAC-SM3) to find and de-duplicate it
 * without decrypting. Both keys are derived from {@code yiwang.identity.data-key} (at least 32 random bytes,
 * Base64); the application does not start without it. Ciphertext: version byte, 12-byte nonce, ciphertext and tag.
 */
@Component
public class PersonalDataProtection {

    private static final byte VERSION = 1;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    PersonalDataProtection(@Value("${yiwang.identity.data-key:}") String dataKey) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(dataKey.strip());
        } catch (IllegalArgumentException e) {
            master = new byte[0];
        }
        if (master.length < 32) {
            throw new IllegalStateException("yiwang.identity.data-key must be set to at least 32 random bytes in "
                    + "Base64 (e.g. openssl rand -base64 32): it protects the ID numbers stored in the database");
        }
        SecretKeySpec masterKey = new SecretKeySpec(master, "HMACSM3");
        this.encryptionKey = new SecretKeySpec(Arrays.copyOf(mac(masterKey, "yiwang:encrypt"), 16), "SM4");
        this.hashKey = new SecretKeySpec(mac(masterKey, "yiwang:hash"), "HMACSM3");
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored.length < 1 + 12 + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 1, 12));
            return new String(cipher.doFinal(stored, 13, stored.length - 13), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM decryption failed (wrong data key or altered data)", e);
        }
    }

    /** Keyed hash (HMAC-SM3, 32 bytes): equal inputs give equal hashes; without the key it reveals nothing. */
    public byte[] hash(String plain) {
        return mac(hashKey, plain);
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HMACSM3", BC);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 failed", e);
        }
    }
}
