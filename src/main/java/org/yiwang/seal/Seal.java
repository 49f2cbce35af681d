package org.yiwang.seal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A department's electronic seal as registered ({@code seal}); {@code seseal} is the DER of its SES v4 SESeal. */
record Seal(String id, String departmentCode, SealType type, String name, UUID certificateId, byte[] picture,
        byte[] seseal, Instant validFrom, Instant validTo, SealStatus status, @Nullable String statusReason,
        @Nullable Instant statusChangedAt, long useCount) {

    boolean validAt(Instant time) {
        return !time.isBefore(validFrom) && !time.isAfter(validTo);
    }
}
