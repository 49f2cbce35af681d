package org.yiwang.license;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiwang.shared.CreditCode;

/**
 * The licence module's one connection to electronic seals: applies the issuing department's licence seal
 * (电子证照专用章) to a licence file and checks the seals of a file handed in for verification.
 */
@Component
class LicenseSealing {

    record Sealed(byte[] file, boolean sealed) {
    }

    /** What the seals of a file say; {@code verdict} is VALID, INVALID, UNSIGNED or UNREADABLE. */
    record SealReport(String verdict, List<Signature> signatures) {
    }

    record Signature(String signatureId, @Nullable String sealName, @Nullable String signerName,
            @Nullable Instant signedAt, boolean valid, List<Check> checks) {
    }

    record Check(String code, boolean passed, String message) {
    }

    Sealed seal(CreditCode issuer, byte[] ofd, LicenseType.Box at) {
        return new Sealed(ofd, false);
    }

    SealReport verify(byte[] ofd) {
        return new SealReport(LicenseDocuments.isOfd(ofd) ? "UNSIGNED" : "UNREADABLE", List.of());
    }
}
