package org.yiwang.seal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/** Seals OFD documents with departments' electronic seals (电子签章) and verifies the signatures of any OFD. */
@Service
public class DocumentSealing {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The columns of seal_use: used_by varchar(64), purpose varchar(500). */
    private static final int MAX_USED_BY = 64;
    private static final int MAX_PURPOSE = 500;

    private final SealRegistry seals;
    private final CertificateStore certificates;
    private final Signer signer;
    private final SignatureVerifier verifier;

    DocumentSealing(SealRegistry seals, CertificateStore certificates, Signer signer, SignatureVerifier verifier) {
        this.seals = seals;
        this.certificates = certificates;
        this.signer = signer;
        this.verifier = verifier;
    }

    /**
     * Seals an OFD with the department's active seal of that type and records the use. BusinessException with
     * SealError.SEAL_NOT_AVAILABLE if there is none; SEAL_SIGNER_REVOKED, SEAL_SIGNER_EXPIRED or
     * SEAL_SIGNER_NOT_YET_VALID if the seal's certificate cannot sign now.
     */
    public byte[] seal(CreditCode department, SealType type, byte[] ofd, StampPosition at) {
        return seal(department, type, ofd, at, null, null);
    }

    /** As {@link #seal(CreditCode, SealType, byte[], StampPosition)}, recording who or what used the seal and why. */
    public byte[] seal(CreditCode department, SealType type, byte[] ofd, StampPosition at, @Nullable String usedBy,
            @Nullable String purpose) {
        if (usedBy != null && usedBy.length() > MAX_USED_BY || purpose != null && purpose.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("a seal use is recorded with at most " + MAX_USED_BY
                    + " characters of user and " + MAX_PURPOSE + " of purpose");
        }
        SealRegistry.Usable seal = seals.usable(department.value(), type)
                .orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_AVAILABLE, department.value(), type.label()));
        StoredCertificate certificate = certificates.find(seal.certificateId())
                .orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_AVAILABLE, department.value(), type.label()));
        Instant now = Instant.now();
        if (certificate.revokedAt() != null) {
            throw unusable(SealError.SEAL_SIGNER_REVOKED, department, type, certificate.revokedAt());
        }
        if (now.isAfter(certificate.notAfter())) {
            throw unusable(SealError.SEAL_SIGNER_EXPIRED, department, type, certificate.notAfter());
        }
        if (now.isBefore(certificate.notBefore())) {
            throw unusable(SealError.SEAL_SIGNER_NOT_YET_VALID, department, type, certificate.notBefore());
        }
        OfdSealer.Sealed sealed = sign(seal.seseal(), certificate, ofd, at, now);
        seals.recordUse(seal.id(), sealed.signedHash(), now, usedBy, purpose);
        return sealed.ofd();
    }

    private static BusinessException unusable(SealError error, CreditCode department, SealType type, Instant since) {
        return new BusinessException(error, department.value(), type.label(), BEIJING.format(since));
    }

    /** Verifies every signature of an OFD; never throws for a bad document. */
    public VerificationReport verify(byte[] ofd) {
        return verifier.verify(ofd);
    }

    /** Signs with {@code seal} and {@code certificate} as of {@code time}, whatever their status. */
    byte[] sign(Seal seal, StoredCertificate certificate, byte[] ofd, StampPosition at, Instant time) {
        return sign(seal.seseal(), certificate, ofd, at, time).ofd();
    }

    private OfdSealer.Sealed sign(byte[] seseal, StoredCertificate certificate, byte[] ofd, StampPosition at,
            Instant time) {
        return OfdSealer.seal(ofd, at, new SesV4SignContainer(signer, certificate, seseal, time), time);
    }
}
