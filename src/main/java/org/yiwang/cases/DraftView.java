package org.yiwang.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An application being prepared (申报草稿): form values (prefilled fields shown from the identity, masked),
 * situation answers and the material slots of those answers (of every material while a situation is unanswered).
 */
public record DraftView(long draftId, String itemCode, String itemName, CaseView.ApplicantInfo applicant,
        Map<String, String> formValues, Map<String, String> situationAnswers, List<CaseView.MaterialSlot> materials,
        boolean situationsComplete, Instant createdAt, Instant updatedAt, @Nullable String submittedAs) {
}
