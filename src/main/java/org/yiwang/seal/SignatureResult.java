package org.yiwang.seal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The verification of one signature of an OFD: what it claims and every check made. */
public record SignatureResult(String signatureId, String format, @Nullable String sealName, @Nullable String sealId,
        @Nullable String signerName, @Nullable Instant signedAt, boolean valid, List<Check> checks) {

    public static final String SES_V4 = "SES_V4";
    public static final String SES_V1 = "SES_V1";

    public SignatureResult {
        checks = List.copyOf(checks);
    }

    /** The first failed check, if any. */
    public java.util.Optional<Check> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
