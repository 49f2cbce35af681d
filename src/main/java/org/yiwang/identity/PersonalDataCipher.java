package org.yiwang.identity;

/**
 * Protection of personal data other modules store (e.g. an applicant's ID number on a case), with the same keys as
 * the identity module's own: SM4-GCM encryption and a keyed hash (HMAC-SM3) to find a value without decrypting it.
 * Both keys derive from {@code yiwang.identity.data-key}.
 */
public interface PersonalDataCipher {

    byte[] encrypt(String plain);

    String decrypt(byte[] stored);

    /** Keyed hash, hexadecimal (64 characters): equal inputs give equal hashes. */
    String hash(String plain);
}
