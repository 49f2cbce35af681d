package org.yiwang.license;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiwang.seal.DocumentSealing;
import org.yiwang.seal.SealType;
import org.yiwang.seal.StampPosition;
import org.yiwang.seal.VerificationReport;
import org.yiwang.shared.CreditCode;

/**
 * The licence module's one connection to electronic seals: applies the issuing department's licence seal
 * (电子证照专用章) to a licence file and checks the seals of a file handed in for verification. A department without
 * an active licence seal cannot issue (SEAL_NOT_AVAILABLE); a licence from a case then stays pending and is retried.
 */
@Component
class LicenseSealing {

    record Sealed(byte[] file, boolean sealed) {
    }

    /**
     * What the seals of a file say; {@code verdict} is VALID, INVALID, UNSIGNED or UNREADABLE. {@code identifier} is
     * the licence identifier the file declares in its metadata, read in the same pass, if any.
     */
    record SealReport(String verdict, List<Signature> signatures, @Nullable String identifier) {
    }

    record Signature(String signatureId, @Nullable String sealName, @Nullable String signerName,
            @Nullable Instant signedAt, boolean valid, List<Check> checks) {
    }

    record Check(String code, boolean passed, String message) {
    }

    private final DocumentSealing sealing;

    LicenseSealing(DocumentSealing sealing) {
        this.sealing = sealing;
    }

    Sealed seal(CreditCode issuer, byte[] ofd, LicenseType.Box at, String purpose) {
        return new Sealed(sealing.seal(issuer, SealType.LICENCE, ofd, new StampPosition(0, at.x(), at.y(), at.size()),
                "license", purpose), true);
    }

    SealReport verify(byte[] ofd) {
        VerificationReport report = sealing.verify(ofd);
        return new SealReport(report.verdict().name(), report.signatures().stream()
                .map(s -> new Signature(s.signatureId(), s.sealName(), s.signerName(), s.signedAt(), s.valid(),
                        s.checks().stream().map(c -> new Check(c.code(), c.passed(), c.message())).toList()))
                .toList(), report.documentData().get(LicenseDocuments.IDENTIFIER));
    }
}
