package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** One row of {@code service_case}: a draft or a case, as stored. */
record CaseRecord(
        long id,
        @Nullable String caseNumber,
        @Nullable String queryCode,
        String itemCode,
        int itemVersion,
        String itemName,
        String departmentCode,
        String regionCode,
        String caseType,
        int promisedDays,
        boolean preReview,
        List<RequiredMaterial> materialsRequired,
        Channel channel,
        ApplicantKind applicantKind,
        @Nullable String applicantAccount,
        String applicantName,
        byte @Nullable [] applicantIdEnc,
        @Nullable String applicantMobile,
        @Nullable String creditCode,
        @Nullable String agentAccount,
        @Nullable String agentName,
        @Nullable String agentRole,
        String submitterKey,
        @Nullable String idempotencyKey,
        Map<String, String> formValues,
        Map<String, String> formPrefill,
        Map<String, String> situationAnswers,
        CaseState state,
        @Nullable CaseState resumeState,
        @Nullable String processInstanceId,
        @Nullable String currentTask,
        @Nullable String currentTaskId,
        @Nullable String currentRole,
        @Nullable String handler,
        @Nullable Instant taskSince,
        @Nullable List<CorrectionItem> correctionItems,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable Instant acceptedAt,
        @Nullable LocalDate acceptedOn,
        @Nullable String acceptedBy,
        @Nullable LocalDate dueDate,
        int extensionDays,
        int stoppedDays,
        @Nullable LocalDate clockStoppedSince,
        @Nullable LocalDate overdueSince,
        @Nullable String decision,
        @Nullable String decisionReason,
        @Nullable Instant decidedAt,
        @Nullable Integer resultCode,
        @Nullable String resultReason,
        @Nullable Instant completedAt,
        @Nullable String deliveryMethod,
        @Nullable String deliveryNote,
        @Nullable Instant deliveredAt,
        int version) {

    enum ApplicantKind {
        PERSON, ENTERPRISE
    }

    /** A material of the submitted answers' list, kept with the case so later checks do not depend on the item. */
    record RequiredMaterial(String key, String name, boolean required) {
    }

    CreditCode department() {
        return CreditCode.of(departmentCode);
    }

    DivisionCode region() {
        return DivisionCode.of(regionCode);
    }

    String number() {
        return caseNumber == null ? "#" + id : caseNumber;
    }

    boolean immediate() {
        return promisedDays == 0 || "IMMEDIATE".equals(caseType);
    }
}
