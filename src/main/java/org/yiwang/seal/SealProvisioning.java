package org.yiwang.seal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.department.Department;

/**
 * Gives a department a signing certificate from the platform CA (or uses its newest valid one) and makes the seals
 * it lacks, valid as long as the certificate.
 */
@Component
class SealProvisioning {

    private final PlatformCa ca;
    private final CertificateStore certificates;
    private final SealRegistry seals;
    private final SealProperties properties;

    SealProvisioning(PlatformCa ca, CertificateStore certificates, SealRegistry seals, SealProperties properties) {
        this.ca = ca;
        this.certificates = certificates;
        this.seals = seals;
        this.properties = properties;
    }

    /** Makes the department's missing seals of {@code types}; returns how many were made. */
    @Transactional
    int provide(Department department, List<SealType> types) {
        String code = department.creditCode().value();
        List<SealType> missing = types.stream().filter(t -> !seals.exists(code, t)).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        StoredCertificate certificate = certificates.ofDepartment(code).stream()
                .filter(c -> c.revokedAt() == null && c.validAt(now) && c.notAfter().isAfter(now.plus(Duration.ofDays(30))))
                .findFirst()
                .orElseGet(() -> ca.issueSigner(department.name(), code, now.minus(Duration.ofMinutes(5)),
                        now.plus(properties.certificateValidity())));
        for (SealType type : missing) {
            seals.create(code, department.name(), type, certificate, certificate.notBefore(), certificate.notAfter());
        }
        return missing.size();
    }
}
