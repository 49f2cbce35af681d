package org.yiwang.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One stored licence version, without its file. {@link #status(LocalDate)} turns a lapsed valid one into EXPIRED. */
record IssuedLicense(long id, LicenseId identifier, String typeName, String issuerName, LicenseType.HolderKind holderKind,
        String holderName, String holderCodeMasked, String regionCode, LocalDate issuedOn, @Nullable LocalDate validUntil,
        Map<String, String> metadata, LicenseStatus storedStatus, @Nullable String statusReason,
        @Nullable Instant statusChangedAt, @Nullable String caseNumber, String source, boolean sealed,
        Instant createdAt) {

    LicenseStatus status(LocalDate today) {
        if (storedStatus == LicenseStatus.VALID && validUntil != null && validUntil.isBefore(today)) {
            return LicenseStatus.EXPIRED;
        }
        return storedStatus;
    }

    /** The holder's name as the public sees it: a person's first character, the rest masked (张*); an enterprise's in full. */
    String holderNameMasked() {
        if (holderKind == LicenseType.HolderKind.ENTERPRISE) {
            return holderName;
        }
        return holderName.isEmpty() ? "" : holderName.charAt(0) + "*".repeat(Math.max(1, holderName.length() - 1));
    }
}
