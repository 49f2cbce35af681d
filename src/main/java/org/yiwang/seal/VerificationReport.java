package org.yiwang.seal;

import java.util.List;
import java.util.Map;

/**
 * The verification of every signature of an OFD document, with the custom metadata the document declares
 * (DocInfo/CustomDatas, name to value), read from the same parse.
 */
public record VerificationReport(Verdict verdict, List<SignatureResult> signatures, Map<String, String> documentData) {

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
        documentData = Map.copyOf(documentData);
    }

    static VerificationReport of(List<SignatureResult> signatures, Map<String, String> documentData) {
        if (signatures.isEmpty()) {
            return new VerificationReport(Verdict.UNSIGNED, signatures, documentData);
        }
        boolean valid = signatures.stream().allMatch(SignatureResult::valid);
        return new VerificationReport(valid ? Verdict.VALID : Verdict.INVALID, signatures, documentData);
    }

    static VerificationReport unreadable() {
        return new VerificationReport(Verdict.UNREADABLE, List.of(), Map.of());
    }
}
