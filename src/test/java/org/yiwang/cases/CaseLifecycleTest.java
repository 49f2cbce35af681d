package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

/** Life cycles of a case through the services, as the workbench and the applicant drive them. */
class CaseLifecycleTest extends CaseTestBase {

    @Test
    void anApprovedCaseGoesFromSubmissionToDelivery() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        Staff reviewer = futian(StaffRole.REVIEWER);
        Staff approver = futian(StaffRole.APPROVER);
        today(LocalDate.of(2025, 3, 3));

        String number = submit(applicant, item);
        assertThat(number).startsWith(item + "20250303").hasSize(item.length() + 8 + 6).matches("\\p{ASCII}{1,50}");
        CaseView submitted = applications.view(applicant, number);
        assertThat(submitted.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(submitted.queryCode()).hasSize(8);
        assertThat(submitted.currentStep().key()).isEqualTo("accept");
        assertThat(submitted.currentStep().role()).isEqualTo("WINDOW_CLERK");
        assertThat(submitted.applicant().idNumber()).isEqualTo("440304********0013");
        assertThat(submitted.materials()).extracting(CaseView.MaterialSlot::key).containsExactly("m1");

        AcceptanceNotice notice = workbench.accept(clerk, number, submitted.version(), "材料齐全");
        assertThat(notice.promisedCompletionDate()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(notice.promisedDays()).isEqualTo(10);
        assertThat(notice.queryCode()).isEqualTo(submitted.queryCode());
        assertThat(notice.caseView().state()).isEqualTo(CaseState.UNDER_REVIEW);
        assertThat(notice.caseView().remainingWorkingDays()).isEqualTo(10);
        assertThat(notice.caseView().currentStep().role()).isEqualTo("REVIEWER");

        workbench.claim(reviewer, number, null);
        CaseView reviewed = workbench.review(reviewer, number, null, "符合条件，建议准予");
        assertThat(reviewed.state()).isEqualTo(CaseState.DECIDING);
        assertThat(reviewed.currentStep().role()).isEqualTo("APPROVER");

        today(LocalDate.of(2025, 3, 13));
        CaseView decided = workbench.decide(approver, number, null, true, null);
        assertThat(decided.state()).isEqualTo(CaseState.DECIDED);
        assertThat(decided.remainingWorkingDays()).isEqualTo(2);
        assertThat(decided.warning()).isEqualTo(Warning.YELLOW);

        CaseView completed = workbench.complete(clerk, number, null, null, null);
        assertThat(completed.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(completed.resultCode()).isZero();
        assertThat(completed.currentStep()).isNull();
        CaseView delivered = workbench.deliver(clerk, number, null, DeliveryMethod.ONLINE, null);
        assertThat(delivered.state()).isEqualTo(CaseState.DELIVERED);
        assertThat(delivered.delivery().method()).isEqualTo("ONLINE");

        CaseView seen = applications.view(applicant, number);
        assertThat(seen.timeline()).extracting(CaseView.TimelineEntry::action).containsExactly(CaseAction.SUBMIT,
                CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.DECIDE, CaseAction.COMPLETE, CaseAction.DELIVER);
        assertThat(seen.timeline()).extracting(CaseView.TimelineEntry::note).doesNotContain("符合条件，建议准予");
        assertThat(seen.trail()).isNull();
        assertThat(staffView(number).trail()).extracting(TrailEntry::action).contains(CaseAction.CLAIM);
        assertThat(jdbc.sql("SELECT count(*) FROM service_case_message WHERE case_id = (SELECT id FROM service_case "
                + "WHERE case_number = ?) AND recipient_kind = 'PERSON'").param(number).query(Long.class).single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM sms_outbox WHERE text LIKE ?").param("%" + number + "%")
                .query(Long.class).single()).as("SMS for acceptance and completion").isEqualTo(2);
    }

    @Test
    void aRefusedCaseCompletesWithResultOneAndItsReason() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        String number = accepted(applicant, item, clerk);
        workbench.review(futian(StaffRole.REVIEWER), number, null, "经营场所不符合要求");
        assertThatThrownBy(() -> workbench.decide(futian(StaffRole.APPROVER), number, null, false, " "))
                .isInstanceOf(BusinessException.class).extracting("error").isEqualTo(CasesError.CASES_REASON_REQUIRED);
        workbench.decide(futian(StaffRole.APPROVER), number, null, false, "经营场所面积不足");
        assertThatThrownBy(() -> workbench.complete(clerk, number, null, 0, null))
                .extracting("error").isEqualTo(CasesError.CASES_RESULT_CODE_INVALID);
        CaseView done = workbench.complete(clerk, number, null, 1, null);
        assertThat(done.resultCode()).isEqualTo(1);
        assertThat(done.resultReason()).isEqualTo("经营场所面积不足");
        assertThat(applications.view(applicant, number).timeline()).extracting(CaseView.TimelineEntry::note)
                .contains("经营场所面积不足");
    }

    @Test
    void aCaseNotAcceptedEndsWithResultSix() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        String number = submit(applicant, item);
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        assertThatThrownBy(() -> workbench.reject(clerk, number, null, null))
                .extracting("error").isEqualTo(CasesError.CASES_REASON_REQUIRED);
        CaseView rejected = workbench.reject(clerk, number, null, "不属于本机关职权范围");
        assertThat(rejected.state()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(rejected.resultCode()).isEqualTo(6);
        assertThat(rejected.currentStep()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = ?").param(number)
                .query(Long.class).single()).as("process instance ended").isZero();
        assertThatThrownBy(() -> workbench.accept(clerk, number, null, null))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void anImmediateItemIsAcceptedAndCompletedInOneStep() {
        String item = item(FUTIAN, 0);
        Applicant applicant = applicant(ZHANG_SAN);
        today(LocalDate.of(2025, 6, 3));
        String number = submit(applicant, item);
        AcceptanceNotice notice = workbench.accept(futian(StaffRole.WINDOW_CLERK), number, null, null);
        assertThat(notice.immediate()).isTrue();
        assertThat(notice.promisedCompletionDate()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(notice.caseView().state()).isEqualTo(CaseState.COMPLETED);
        assertThat(notice.caseView().resultCode()).isZero();
        assertThat(workbench.view(futian(StaffRole.WINDOW_CLERK), number).trail()).extracting(TrailEntry::action)
                .containsExactly(CaseAction.SUBMIT, CaseAction.ACCEPT, CaseAction.COMPLETE);
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE e.business_key_ = ?").param(number).query(Long.class).single()).isZero();
    }

    @Test
    void actionsInTheWrongStateAnswerConflictAndChangeNothing() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        String number = submit(applicant, item);
        CaseView before = staffView(number);
        assertThatThrownBy(() -> workbench.decide(futian(StaffRole.APPROVER), number, null, true, null))
                .isInstanceOf(BusinessException.class).extracting("error")
                .isEqualTo(CasesError.CASES_STATE_CONFLICT);
        assertThatThrownBy(() -> workbench.review(futian(StaffRole.REVIEWER), number, null, "意见"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
        assertThatThrownBy(() -> workbench.accept(futian(StaffRole.REVIEWER), number, null, null))
                .extracting("error").isEqualTo(CasesError.CASES_ROLE_REQUIRED);
        assertThatThrownBy(() -> workbench.accept(futian(StaffRole.WINDOW_CLERK), number, before.version() + 1, null))
                .extracting("error").isEqualTo(CasesError.CASES_VERSION_CONFLICT);
        CaseView unchanged = staffView(number);
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(unchanged.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(unchanged.trail()).hasSize(1);

        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        workbench.accept(clerk, number, before.version(), null);
        int version = staffView(number).version();
        assertThatThrownBy(() -> workbench.accept(clerk, number, null, null))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
        assertThat(staffView(number).version()).isEqualTo(version);
    }

    @Test
    void aTaskClaimedByOneReviewerCannotBeTakenByAnother() {
        String item = item(FUTIAN, 10);
        String number = accepted(applicant(ZHANG_SAN), item, futian(StaffRole.WINDOW_CLERK));
        Staff first = futian(StaffRole.REVIEWER);
        Staff second = new Staff(org.yiwang.identity.StaffLogin.create(application, "rv",
                org.yiwang.shared.CreditCode.of(FUTIAN), org.yiwang.shared.DivisionCode.of("440304"),
                java.util.Set.of(StaffRole.REVIEWER)).username(), "测试", org.yiwang.shared.CreditCode.of(FUTIAN),
                org.yiwang.shared.DivisionCode.of("440304"), java.util.Set.of(StaffRole.REVIEWER));
        workbench.claim(first, number, null);
        assertThatThrownBy(() -> workbench.claim(second, number, null))
                .extracting("error").isEqualTo(CasesError.CASES_TASK_CLAIMED);
        assertThatThrownBy(() -> workbench.review(second, number, null, "意见"))
                .extracting("error").isEqualTo(CasesError.CASES_TASK_CLAIMED);
        assertThatThrownBy(() -> workbench.release(second, number, null))
                .extracting("error").isEqualTo(CasesError.CASES_TASK_NOT_CLAIMED);
        assertThat(workbench.queue(second, Workbench.Queue.TASKS, 0).items()).extracting(CaseSummary::caseNumber)
                .doesNotContain(number);
        assertThat(workbench.queue(first, Workbench.Queue.MINE, 0).items()).extracting(CaseSummary::caseNumber)
                .contains(number);
        workbench.reassign(first, number, null, second.username(), "休假");
        CaseView reviewed = workbench.review(second, number, null, "同意");
        assertThat(reviewed.state()).isEqualTo(CaseState.DECIDING);
    }

    @Test
    void aFutianClerkNeitherSeesNorActsOnANanshanCase() {
        String item = item(NANSHAN, 20);
        String number = submit(applicant(LI_NA), item);
        Staff futianClerk = futian(StaffRole.WINDOW_CLERK);
        assertThatThrownBy(() -> workbench.view(futianClerk, number))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThatThrownBy(() -> workbench.accept(futianClerk, number, null, null))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThatThrownBy(() -> datasets.of(futianClerk, number))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThat(workbench.queue(futianClerk, Workbench.Queue.ALL, 0).items()).extracting(CaseSummary::caseNumber)
                .doesNotContain(number);
        Staff nanshanClerk = nanshan(StaffRole.WINDOW_CLERK);
        assertThat(workbench.queue(nanshanClerk, Workbench.Queue.TASKS, 0).items())
                .extracting(CaseSummary::caseNumber).contains(number);
        assertThat(workbench.accept(nanshanClerk, number, null, null).caseView().state())
                .isEqualTo(CaseState.UNDER_REVIEW);
        assertThatThrownBy(() -> workbench.review(futian(StaffRole.REVIEWER), number, null, "意见"))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
    }

    @Test
    void anotherApplicantsCaseDoesNotExistForThem() {
        String item = item(FUTIAN, 10);
        String number = submit(applicant(ZHANG_SAN), item);
        Applicant other = applicant(LI_NA);
        assertThatThrownBy(() -> applications.view(other, number))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThatThrownBy(() -> applications.view(other, item + "20990101000001"))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThatThrownBy(() -> applications.withdraw(other, number, "不办了", null))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThat(applications.list(other, 0).items()).extracting(CaseSummary::caseNumber).doesNotContain(number);
        assertThat(applications.list(applicant(ZHANG_SAN), 0).items()).extracting(CaseSummary::caseNumber)
                .contains(number);
    }

    @Test
    void theApplicantWithdrawsBeforeTheDecision() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        String number = accepted(applicant, item, futian(StaffRole.WINDOW_CLERK));
        CaseView withdrawn = applications.withdraw(applicant, number, "不再需要", null);
        assertThat(withdrawn.state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(withdrawn.resultCode()).isEqualTo(5);
        assertThatThrownBy(() -> workbench.review(futian(StaffRole.REVIEWER), number, null, "意见"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
        assertThatThrownBy(() -> applications.withdraw(applicant, number, "again", null))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void submissionListsEveryProblemAtOnce() {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(item, Map.of(),
                Map.of("chain", "yes")));
        assertThat(draft.materials()).extracting(CaseView.MaterialSlot::key).containsExactly("m1", "m2");
        assertThatThrownBy(() -> applications.submit(applicant, new Applications.Submission(draft.draftId(), null,
                null, null), null))
                .isInstanceOfSatisfying(org.yiwang.shared.RuleViolations.class, v -> assertThat(v.violations())
                        .extracting(org.yiwang.shared.RuleViolations.Violation::field)
                        .containsExactly("materials.m1", "materials.m2"));
        assertThat(applications.draft(applicant, draft.draftId()).submittedAs()).isNull();
        assertThat(applications.drafts(applicant(LI_NA))).extracting(DraftView::draftId)
                .doesNotContain(draft.draftId());
        assertThatThrownBy(() -> applications.draft(applicant(LI_NA), draft.draftId()))
                .extracting("error").isEqualTo(CasesError.CASES_DRAFT_NOT_FOUND);
        List<String> keys = List.of("m1", "m2");
        keys.forEach(k -> applications.uploadToDraft(applicant, draft.draftId(), k, k + ".png", png()));
        CaseView submitted = applications.submit(applicant, new Applications.Submission(draft.draftId(), null, null,
                null), null);
        assertThat(submitted.materials()).allSatisfy(m -> assertThat(m.filledBy()).isNotNull());
        assertThatThrownBy(() -> applications.submit(applicant, new Applications.Submission(draft.draftId(), null,
                null, null), null)).extracting("error").isEqualTo(CasesError.CASES_DRAFT_SUBMITTED);
    }
}
