package org.yiwang.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A line of a case list (my cases, a workbench queue). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(String caseNumber, String itemCode, String itemName, String applicantName, Channel channel,
        CaseState state, String stateLabel, @Nullable String currentStep, @Nullable String currentRole,
        @Nullable String handler, @Nullable Instant submittedAt, @Nullable LocalDate promisedCompletionDate,
        @Nullable Integer remainingWorkingDays, Warning warning, boolean clockStopped, int version) {
}
