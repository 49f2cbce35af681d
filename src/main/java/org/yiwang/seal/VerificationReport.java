package org.yiwang.seal;

import java.util.List;

/** The verification of every signature of an OFD document. */
public record VerificationReport(Verdict verdict, List<SignatureResult> signatures) {

    public enum Verdict {
        /** Signed, and every check of every signature passed. */
        VALID,
        /** Signed, and at least one check failed. */
        INVALID,
        /** A readable OFD without signatures. */
        UNSIGNED,
        /** Not an OFD, or one whose signature files cannot be read. */
        UNREADABLE
    }

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    static VerificationReport of(List<SignatureResult> signatures) {
        if (signatures.isEmpty()) {
            return new VerificationReport(Verdict.UNSIGNED, signatures);
        }
        boolean valid = signatures.stream().allMatch(SignatureResult::valid);
        return new VerificationReport(valid ? Verdict.VALID : Verdict.INVALID, signatures);
    }

    static VerificationReport unreadable() {
        return new VerificationReport(Verdict.UNREADABLE, List.of());
    }
}
