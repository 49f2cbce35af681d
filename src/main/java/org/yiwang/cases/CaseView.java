package org.yiwang.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A case as its applicant or a staff member sees it: everything a page needs in one object. Personal data is masked;
 * {@code queryCode} is shown to the applicant only, {@code trail} (every action with its actor and opinion) to staff
 * only; the applicant's {@code timeline} leaves out internal opinions. {@code version} is what an action presents
 * to prove it acts on what it saw.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String caseNumber,
        @Nullable String queryCode,
        String itemCode,
        int itemVersion,
        String itemName,
        String departmentCode,
        @Nullable String departmentName,
        String regionCode,
        String caseType,
        Channel channel,
        String channelLabel,
        CaseState state,
        String stateLabel,
        ApplicantInfo applicant,
        Map<String, String> formValues,
        Map<String, String> situationAnswers,
        List<MaterialSlot> materials,
        @Nullable List<CorrectionItem> correctionItems,
        @Nullable Instant submittedAt,
        @Nullable Instant acceptedAt,
        int promisedDays,
        int extensionDays,
        @Nullable LocalDate promisedCompletionDate,
        @Nullable Integer remainingWorkingDays,
        Warning warning,
        String warningLabel,
        boolean clockStopped,
        boolean overdue,
        @Nullable Step currentStep,
        @Nullable String decision,
        @Nullable Integer resultCode,
        @Nullable String resultLabel,
        @Nullable String resultReason,
        @Nullable Instant completedAt,
        @Nullable Delivery delivery,
        List<SpecialProcedure> specialProcedures,
        @Nullable List<TimelineEntry> timeline,
        @Nullable List<TrailEntry> trail,
        @Nullable String nextAction,
        int version) {

    /** The case without its trail and timeline, as the workbench API answers an action (its GET has them). */
    public CaseView withoutHistory() {
        return new CaseView(caseNumber, queryCode, itemCode, itemVersion, itemName, departmentCode, departmentName,
                regionCode, caseType, channel, channelLabel, state, stateLabel, applicant, formValues,
                situationAnswers, materials, correctionItems, submittedAt, acceptedAt, promisedDays, extensionDays,
                promisedCompletionDate, remainingWorkingDays, warning, warningLabel, clockStopped, overdue,
                currentStep, decision, resultCode, resultLabel, resultReason, completedAt, delivery, specialProcedures,
                null, null, nextAction, version);
    }

    /** Who applied; ID number and mobile masked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicantInfo(String kind, String name, @Nullable String idNumber, @Nullable String mobile,
            @Nullable String creditCode, @Nullable String agentName, @Nullable String agentRole) {
    }

    /**
     * One material of the case's list and what fills it, if anything; {@code licence} is what the electronic licence
     * filling it is now, {@code licenceChoices} (drafts only) the applicant's valid licences that may fill it
     * (使用电子证照（免提交）).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MaterialSlot(String key, String name, boolean required, @Nullable StoredMaterial filledBy,
            LicenceLibrary.@Nullable Licence licence, List<LicenceLibrary.Licence> licenceChoices) {
    }

    /** The task the case waits for: its step, the role that takes it, who claimed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String key, String name, @Nullable String role, @Nullable String roleLabel,
            @Nullable String handler, @Nullable Instant since) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String method, String methodLabel, @Nullable String note, Instant at) {
    }

    /** One step of the timeline shown to the applicant. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(Instant at, CaseAction action, String label, CaseState state, String stateLabel,
            @Nullable String note) {
    }
}
