package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;

/** Promised completion dates in statutory working days: holidays, make-up days, stopped clocks and extensions. */
class TimeLimitTest extends CaseTestBase {

    private final Staff clerk = futian(StaffRole.WINDOW_CLERK);
    private final Staff reviewer = futian(StaffRole.REVIEWER);
    private final Staff approver = futian(StaffRole.APPROVER);

    @Test
    void theNationalDayHolidayIsNotCountedAndAMakeUpSaturdayIs() {
        Applicant applicant = applicant(ZHANG_SAN);
        today(LocalDate.of(2025, 9, 26));
        String five = submit(applicant, item(FUTIAN, 5));
        assertThat(workbench.accept(clerk, five, null, null).promisedCompletionDate())
                .isEqualTo(LocalDate.of(2025, 10, 10));

        today(LocalDate.of(2025, 10, 10));
        String one = submit(applicant, item(FUTIAN, 1));
        assertThat(workbench.accept(clerk, one, null, null).promisedCompletionDate())
                .as("Saturday 2025-10-11 is an official make-up working day").isEqualTo(LocalDate.of(2025, 10, 11));

        today(LocalDate.of(2025, 10, 9));
        CaseView during = staffView(five);
        assertThat(during.remainingWorkingDays()).isEqualTo(1);
        assertThat(during.warning()).isEqualTo(Warning.YELLOW);
    }

    @Test
    void aCorrectionAfterAcceptanceStopsTheClockUntilTheApplicantSupplements() {
        Applicant applicant = applicant(ZHANG_SAN);
        today(LocalDate.of(2025, 3, 3));
        String number = accepted(applicant, item(FUTIAN, 10), clerk);
        assertThat(staffView(number).promisedCompletionDate()).isEqualTo(LocalDate.of(2025, 3, 17));

        today(LocalDate.of(2025, 3, 5));
        assertThatThrownBy(() -> workbench.requestCorrection(reviewer, number, null, List.of(), null))
                .extracting("error").isEqualTo(CasesError.CASES_CORRECTION_ITEMS_REQUIRED);
        assertThatThrownBy(() -> workbench.requestCorrection(reviewer, number, null,
                List.of(new CorrectionItem("nope", null, "缺页")), null))
                .extracting("error").isEqualTo(CasesError.CASES_CORRECTION_ITEM_INVALID);
        CaseView asked = workbench.requestCorrection(reviewer, number, null, List.of(
                new CorrectionItem("m1", null, "申请书缺少签名页"),
                new CorrectionItem(null, "address", "经营地址与营业执照不一致")), "请一并补正");
        assertThat(asked.state()).isEqualTo(CaseState.CORRECTION_REQUESTED);
        assertThat(asked.clockStopped()).isTrue();

        today(LocalDate.of(2025, 3, 7));
        CaseView waiting = applications.view(applicant, number);
        assertThat(waiting.correctionItems()).extracting(CorrectionItem::description)
                .containsExactly("申请书缺少签名页", "经营地址与营业执照不一致");
        assertThat(waiting.nextAction()).isEqualTo("SUPPLEMENT");
        assertThat(waiting.remainingWorkingDays()).as("frozen on the day the clock stopped").isEqualTo(8);
        assertThatThrownBy(() -> workbench.review(reviewer, number, null, "意见"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);

        today(LocalDate.of(2025, 3, 10));
        applications.uploadSupplement(applicant, number, "m1", "申请书（补正）.pdf", pdf());
        CaseView back = applications.supplement(applicant, number, null, null);
        assertThat(back.state()).as("back to the reviewer who asked").isEqualTo(CaseState.UNDER_REVIEW);
        assertThat(back.promisedCompletionDate()).as("moved by 3 stopped working days (Thu, Fri, Mon)")
                .isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(back.clockStopped()).isFalse();
        assertThat(back.specialProcedures()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("CORRECTION");
            assertThat(p.endedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        });
        assertThat(workbench.review(reviewer, number, null, "补正后符合要求").state()).isEqualTo(CaseState.DECIDING);
    }

    @Test
    void aCorrectionBeforeAcceptanceReturnsToTheWindowAndCanEndAsReturned() {
        Applicant applicant = applicant(ZHANG_SAN);
        String number = submit(applicant, item(FUTIAN, 10));
        workbench.requestCorrection(clerk, number, null, List.of(new CorrectionItem("m1", null, "模糊不清")), null);
        assertThat(staffView(number).clockStopped()).isFalse();
        applications.uploadSupplement(applicant, number, "m1", "清晰版.png", png());
        assertThat(applications.supplement(applicant, number, null, null).state()).isEqualTo(CaseState.SUBMITTED);

        String abandoned = submit(applicant, item(FUTIAN, 10));
        workbench.requestCorrection(clerk, abandoned, null, List.of(new CorrectionItem("m1", null, "缺失")), null);
        assertThatThrownBy(() -> workbench.complete(clerk, abandoned, null, 5, null))
                .extracting("error").isEqualTo(CasesError.CASES_REASON_REQUIRED);
        CaseView returned = workbench.complete(clerk, abandoned, null, 5, "逾期未补正");
        assertThat(returned.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(returned.resultCode()).isEqualTo(5);
    }

    @Test
    void anApproverExtendsWithinTheStatutoryTenDays() {
        today(LocalDate.of(2025, 3, 3));
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), clerk);
        workbench.review(reviewer, number, null, "需延期核查");
        assertThatThrownBy(() -> workbench.extend(reviewer, number, null, 5, "核查"))
                .extracting("error").isEqualTo(CasesError.CASES_ROLE_REQUIRED);
        assertThatThrownBy(() -> workbench.extend(approver, number, null, 11, "核查"))
                .extracting("error").isEqualTo(CasesError.CASES_EXTENSION_DAYS_INVALID);
        CaseView extended = workbench.extend(approver, number, null, 5, "需实地核查");
        assertThat(extended.promisedCompletionDate()).isEqualTo(LocalDate.of(2025, 3, 24));
        assertThat(extended.extensionDays()).isEqualTo(5);
        int version = extended.version();
        assertThatThrownBy(() -> workbench.extend(approver, number, null, 6, "再延期"))
                .extracting("error").isEqualTo(CasesError.CASES_EXTENSION_LIMIT);
        assertThat(staffView(number).version()).isEqualTo(version);
        assertThat(workbench.extend(approver, number, null, 5, "再延期").promisedCompletionDate())
                .isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void anExpertReviewPausesTheClock() {
        today(LocalDate.of(2025, 3, 3));
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), clerk);
        workbench.review(reviewer, number, null, "建议组织专家评审");
        today(LocalDate.of(2025, 3, 5));
        assertThatThrownBy(() -> workbench.pause(approver, number, null, PauseKind.CORRECTION, "x"))
                .extracting("error").isEqualTo(CasesError.CASES_PAUSE_KIND_INVALID);
        CaseView paused = workbench.pause(approver, number, null, PauseKind.EXPERT_REVIEW, "技术方案需专家评审");
        assertThat(paused.state()).isEqualTo(CaseState.PAUSED);
        assertThatThrownBy(() -> workbench.decide(approver, number, null, true, null))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);

        today(LocalDate.of(2025, 3, 12));
        CaseView resumed = workbench.resume(approver, number, null, "专家评审通过");
        assertThat(resumed.state()).isEqualTo(CaseState.DECIDING);
        assertThat(resumed.promisedCompletionDate()).as("5 working days stopped").isEqualTo(LocalDate.of(2025, 3, 24));
        CaseDatasets.Datasets sets = datasets.of(approver, number);
        assertThat(sets.handling()).filteredOn(s -> s.specialProcedure() != null).singleElement().satisfies(s -> {
            assertThat(s.specialProcedure().type()).isEqualTo(2);
            assertThat(s.specialProcedure().startedOn()).isEqualTo(LocalDate.of(2025, 3, 5));
            assertThat(s.specialProcedure().endedOn()).isEqualTo(LocalDate.of(2025, 3, 12));
            assertThat(s.specialProcedure().result()).isEqualTo("专家评审通过");
            assertThat(s.state()).isEqualTo(2);
        });
    }

    @Test
    void overdueCasesAreMarkedAndTheirHandlerToldOnce() {
        today(LocalDate.of(2025, 3, 3));
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), clerk);
        String unclaimed = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), clerk);
        workbench.claim(reviewer, number, null);
        today(LocalDate.of(2025, 3, 19));
        CaseView late = staffView(number);
        assertThat(late.warning()).isEqualTo(Warning.RED);
        assertThat(late.remainingWorkingDays()).isEqualTo(-2);
        assertThat(overdue.run()).isPositive();
        assertThat(overdue.run()).as("nothing new").isZero();
        assertThat(workbench.messages(reviewer)).filteredOn(m -> m.caseNumber().equals(number))
                .singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo("OVERDUE"));
        assertThat(workbench.messages(futian(StaffRole.REVIEWER))).extracting(CaseMessage::caseNumber)
                .as("the department's reviewers are told of the unclaimed one").contains(unclaimed)
                .doesNotContain(number);
        assertThat(workbench.messages(nanshan(StaffRole.REVIEWER))).extracting(CaseMessage::caseNumber)
                .doesNotContain(unclaimed);
        assertThat(staffView(number).overdue()).isTrue();
        Staff supervisor = staff(FUTIAN, "4403", StaffRole.SUPERVISOR);
        assertThat(workbench.queue(supervisor, Workbench.Queue.OVERDUE, 0).items())
                .extracting(CaseSummary::caseNumber).contains(number);
    }
}
