package org.yiwang.shared;

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

/**
 * Encryption at rest with SM4-GCM under a key derived (HMAC-SM3) from a configured master key of at least 32 random
 * bytes (Base64). Ciphertext: version byte, 12-byte nonce, ciphertext and 16-byte tag.
 */
public final class Sm4Gcm {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private Sm4Gcm(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * The cipher keyed by HMAC-SM3({@code master}, {@code purpose}) cut to 16 bytes.
     *
     * @param master a key of {@link #master}
     */
    public static Sm4Gcm derived(byte[] master, String purpose) {
        return new Sm4Gcm(new SecretKeySpec(Arrays.copyOf(hmacSm3(master, purpose), 16), "SM4"));
    }

    /**
     * The master key configured as {@code property}; the application does not start without one of at least 32 bytes.
     *
     * @param protects what the key protects, for the start-up message
     */
    public static byte[] master(String base64, String property, String protects) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            master = new byte[0];
        }
        if (master.length < 32) {
            throw new IllegalStateException(property + " must be set to at least 32 random bytes in Base64 "
                    + "(e.g. openssl rand -base64 32): it protects " + protects);
        }
        return master;
    }

    /** HMAC-SM3 (32 bytes) of {@code data} in UTF-8. */
    public static byte[] hmacSm3(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HMACSM3", BC);
            mac.init(new SecretKeySpec(key, "HMACSM3"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 failed", e);
        }
    }

    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] stored) {
        if (stored.length < 1 + NONCE + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 1, NONCE));
            return cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM decryption failed (wrong key or altered data)", e);
        }
    }
}
