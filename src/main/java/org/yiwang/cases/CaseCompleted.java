package org.yiwang.cases;

import java.time.Instant;

/**
 * Published when a case is completed (办结), in the completing transaction. Carries no personal data: listeners read
 * the outcome with {@link CompletedCases#find(String)}.
 */
public record CaseCompleted(String caseNumber, String itemCode, int itemVersion, String departmentCode,
        ResultCode result, Instant completedAt) {

    static CaseCompleted of(CaseRecord c) {
        return new CaseCompleted(java.util.Objects.requireNonNull(c.caseNumber()), c.itemCode(), c.itemVersion(),
                c.departmentCode(), ResultCode.of(java.util.Objects.requireNonNull(c.resultCode())).orElseThrow(),
                java.util.Objects.requireNonNull(c.completedAt()));
    }
}
