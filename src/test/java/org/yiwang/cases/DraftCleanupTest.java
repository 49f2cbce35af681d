package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.identity.Applicant;

/** Drafts untouched for the retention period (30 days) go, with their uploads; newer drafts and cases stay. */
class DraftCleanupTest extends CaseTestBase {

    @Autowired
    DraftCleanup cleanup;

    @Test
    void abandonedDraftsAreDeletedWithTheirMaterials() {
        Applicant zhang = applicant(ZHANG_SAN);
        String item = item(FUTIAN, 10);
        LocalDate today = LocalDate.now(clock.getZone());
        today(today.minusDays(40));
        long old = draftWithUpload(zhang, item);
        String submitted = submit(zhang, item);
        today(today.minusDays(29));
        long recent = draftWithUpload(zhang, item);
        today(today.minusDays(35));
        long touched = draftWithUpload(zhang, item);
        today(today.minusDays(2));
        applications.updateDraft(zhang, touched, new Applications.DraftInput(item, Map.of(), null));
        today(today);

        assertThat(cleanup.run()).isPositive();
        assertThatThrownBy(() -> applications.draft(zhang, old))
                .extracting("error").isEqualTo(CasesError.CASES_DRAFT_NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM service_case_material WHERE case_id = ?").param(old)
                .query(Long.class).single()).isZero();
        assertThat(applications.draft(zhang, recent).materials()).anyMatch(m -> m.filledBy() != null);
        assertThat(applications.draft(zhang, touched).draftId()).isEqualTo(touched);
        assertThat(applications.view(zhang, submitted).state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(cleanup.run()).as("nothing left to clean").isZero();
    }

    private long draftWithUpload(Applicant applicant, String item) {
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(item, Map.of(),
                Map.of("chain", "no")));
        applications.uploadToDraft(applicant, draft.draftId(), "m1", "申请书.pdf", pdf());
        return draft.draftId();
    }
}
