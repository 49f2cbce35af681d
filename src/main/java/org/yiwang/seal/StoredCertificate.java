package org.yiwang.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A certificate the platform holds the key of; the key itself stays in the store, encrypted. */
record StoredCertificate(UUID id, CertificateKind kind, @Nullable String departmentCode, String subject,
        String serialNumber, String issuer, Instant notBefore, Instant notAfter, byte[] der, boolean imported,
        @Nullable Instant revokedAt, @Nullable String revocationReason) {

    X509Certificate x509() {
        return Sm2.certificate(der);
    }

    String keyId() {
        return id.toString();
    }

    boolean validAt(Instant time) {
        return !time.isBefore(notBefore) && !time.isAfter(notAfter);
    }
}
