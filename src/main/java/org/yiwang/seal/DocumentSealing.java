package org.yiwang.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.SignatureTerminateException;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.springframework.stereotype.Service;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/** Seals OFD documents with departments' electronic seals (电子签章) and verifies the signatures of any OFD. */
@Service
public class DocumentSealing {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

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
     * Seals an OFD with the department's active seal of that type; BusinessException(SealError.SEAL_NOT_AVAILABLE)
     * if none, SEAL_CERTIFICATE_UNUSABLE if the seal's certificate is revoked, expired or not yet valid. Records the
     * use.
     */
    public byte[] seal(CreditCode department, SealType type, byte[] ofd, StampPosition at) {
        return seal(department, type, ofd, at, null, null);
    }

    /** As {@link #seal(CreditCode, SealType, byte[], StampPosition)}, recording who or what used the seal and why. */
    public byte[] seal(CreditCode department, SealType type, byte[] ofd, StampPosition at, @Nullable String usedBy,
            @Nullable String purpose) {
        SealRegistry.Usable seal = seals.usable(department.value(), type)
                .orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_AVAILABLE, department.value(), type.label()));
        StoredCertificate certificate = certificates.find(seal.certificateId())
                .orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_AVAILABLE, department.value(), type.label()));
        Instant now = Instant.now();
        String unusable = certificate.revokedAt() != null ? "已于 " + BEIJING.format(certificate.revokedAt()) + " 吊销"
                : now.isAfter(certificate.notAfter()) ? "已于 " + BEIJING.format(certificate.notAfter()) + " 过期"
                : now.isBefore(certificate.notBefore()) ? "自 " + BEIJING.format(certificate.notBefore()) + " 起才生效"
                : null;
        if (unusable != null) {
            throw new BusinessException(SealError.SEAL_CERTIFICATE_UNUSABLE, department.value(), type.label(),
                    unusable);
        }
        byte[] sealed = sign(seal.seseal(), certificate, ofd, at, now);
        seals.recordUse(seal.id(), Sm2.sm3Hex(sealed), now, usedBy, purpose);
        return sealed;
    }

    /** Verifies every signature of an OFD; never throws for a bad document. */
    public VerificationReport verify(byte[] ofd) {
        return verifier.verify(ofd);
    }

    /** Signs with {@code seal} and {@code certificate} as of {@code time}, whatever their status. */
    byte[] sign(Seal seal, StoredCertificate certificate, byte[] ofd, StampPosition at, Instant time) {
        return sign(seal.seseal(), certificate, ofd, at, time);
    }

    private byte[] sign(byte[] seseal, StoredCertificate certificate, byte[] ofd, StampPosition at, Instant time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ofd.length + 64 * 1024);
        OFDReader reader;
        try {
            reader = new OFDReader(new ByteArrayInputStream(ofd));
        } catch (IOException | RuntimeException e) {
            throw new BusinessException(SealError.SEAL_DOCUMENT_UNREADABLE);
        }
        OFDSigner ofdSigner;
        try {
            int pages = reader.getNumberOfPages();
            if (at.page() >= pages) {
                throw new BusinessException(SealError.SEAL_PAGE_OUT_OF_RANGE, at.page() + 1, pages);
            }
            ofdSigner = new OFDSigner(reader, out);
        } catch (BusinessException e) {
            closeQuietly(reader);
            throw e;
        } catch (SignatureTerminateException e) {
            closeQuietly(reader);
            throw new BusinessException(SealError.SEAL_DOCUMENT_LOCKED);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw new BusinessException(SealError.SEAL_DOCUMENT_UNREADABLE);
        }
        try (ofdSigner) {
            ofdSigner.setSignMode(SignMode.ContinueSign)
                    .setSignContainer(new SesV4SignContainer(signer, certificate, seseal, time))
                    .addApPos(new NormalStampPos(at.page() + 1, at.xMm(), at.yMm(), at.sizeMm(), at.sizeMm()));
            ofdSigner.exeSign();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(OFDReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // temporary files only
        }
    }
}
