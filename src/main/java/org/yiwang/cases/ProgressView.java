package org.yiwang.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The public progress of a case (办件查询), for whoever holds its case number and query code: no personal data
 * beyond the masked applicant name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressView(String caseNumber, String itemName, @Nullable String departmentName,
        String applicantName, CaseState state, String stateLabel, @Nullable Instant submittedAt,
        @Nullable Instant acceptedAt, @Nullable LocalDate promisedCompletionDate,
        @Nullable Integer remainingWorkingDays, @Nullable Instant completedAt, @Nullable String resultLabel,
        List<Step> steps) {

    public record Step(Instant at, String label, String stateLabel) {
    }
}
