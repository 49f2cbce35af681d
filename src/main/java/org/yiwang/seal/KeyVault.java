package org.yiwang.seal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts private keys at rest with SM4-GCM under a key derived (HMAC-SM3) from {@code yiwang.seal.master-key}
 * (at least 32 random bytes, Base64). The application does not start without it; the demo profile ships a public
 * one. Ciphertext: version byte, 12-byte nonce, ciphertext and tag.
 */
@Component
class KeyVault {

    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyVault(@Value("${yiwang.seal.master-key:}") String masterKey) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException e) {
            master = new byte[0];
        }
        if (master.length < 32) {
            throw new IllegalStateException("yiwang.seal.master-key must be set to at least 32 random bytes in Base64 "
                    + "(e.g. openssl rand -base64 32): it protects the seal signing keys stored in the database");
        }
        try {
            Mac mac = Mac.getInstance("HMACSM3", Sm2.BC);
            mac.init(new SecretKeySpec(master, "HMACSM3"));
            this.key = new SecretKeySpec(Arrays.copyOf(mac.doFinal("yiwang:seal-keys".getBytes()), 16), "SM4");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 unavailable", e);
        }
    }

    byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", Sm2.BC);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
    }

    byte[] decrypt(byte[] stored) {
        if (stored.length < 1 + 12 + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("unknown key ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", Sm2.BC);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 1, 12));
            return cipher.doFinal(stored, 13, stored.length - 13);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM decryption failed (wrong master key or altered data)", e);
        }
    }
}
