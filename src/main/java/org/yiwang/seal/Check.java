package org.yiwang.seal;

/**
 * One check of a signature. {@code code} is stable (DOCUMENT_HASH, SEAL_MATCH, SIGNER_SIGNATURE,
 * SEAL_MAKER_SIGNATURE, SEAL_VALIDITY, SEAL_STATUS, CERTIFICATE_VALIDITY, CERTIFICATE_CHAIN, REVOCATION); the message
 * says in Chinese exactly what passed or failed.
 */
public record Check(String code, boolean passed, String message) {

    static Check pass(String code, String message) {
        return new Check(code, true, message);
    }

    static Check fail(String code, String message) {
        return new Check(code, false, message);
    }
}
