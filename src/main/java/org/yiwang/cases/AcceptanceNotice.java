package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * 受理通知书: what the applicant is given on acceptance — the case number and query code, the item, the accepting
 * department, when and by whom it was accepted and the promised completion date ({@code immediate}: 即办件, completed
 * on the spot).
 */
public record AcceptanceNotice(String caseNumber, String queryCode, String itemName, String applicantName,
        @Nullable String departmentName, Instant acceptedAt, String acceptedBy, int promisedDays,
        LocalDate promisedCompletionDate, boolean immediate, CaseView caseView) {

    /** The notice with {@link CaseView#withoutHistory()}. */
    public AcceptanceNotice withoutHistory() {
        return new AcceptanceNotice(caseNumber, queryCode, itemName, applicantName, departmentName, acceptedAt,
                acceptedBy, promisedDays, promisedCompletionDate, immediate, caseView.withoutHistory());
    }
}
