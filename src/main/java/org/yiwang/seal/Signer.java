package org.yiwang.seal;

/**
 * Makes SM2 signatures (SM3 digest, signer ID {@code 1234567812345678}, DER-encoded r and s) with a key the signer
 * holds. The platform's software implementation keeps the keys SM4-encrypted in the database; a signing server or
 * HSM can take its place by providing another bean of this type. Private keys never leave the signer.
 */
public interface Signer {

    /** Signs {@code data} with the private key of the certificate {@code keyId}. */
    byte[] sign(String keyId, byte[] data);
}
