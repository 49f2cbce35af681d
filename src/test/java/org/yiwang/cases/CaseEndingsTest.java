package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.TestTokens;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * The endings besides a decision: 作废 (2), 删除 (3) and 转报办结 (4), each in the states and roles it is for, kept in
 * the trail and the data sets; only 转报办结 completes the case and tells the modules acting on completed cases.
 */
@RecordApplicationEvents
class CaseEndingsTest extends CaseTestBase {

    @Autowired
    ApplicationEvents events;
    @Autowired
    CompletedCases completed;

    @Test
    void aClerkAnnulsACaseRegisteredInErrorWithAReason() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        assertThatThrownBy(() -> workbench.annul(clerk, number, null, " "))
                .extracting("error").isEqualTo(CasesError.CASES_REASON_REQUIRED);
        assertThatThrownBy(() -> workbench.annul(futian(StaffRole.REVIEWER), number, null, "登记有误"))
                .extracting("error").isEqualTo(CasesError.CASES_ROLE_REQUIRED);
        assertThat(workbench.offers(clerk, number)).contains(CaseAction.VOID).doesNotContain(CaseAction.DELETE,
                CaseAction.FORWARD);

        CaseView voided = workbench.annul(clerk, number, null, "申请人身份信息登记错误");
        assertThat(voided.state()).isEqualTo(CaseState.VOIDED);
        assertThat(voided.resultCode()).isEqualTo(2);
        assertThat(voided.currentStep()).isNull();
        assertThat(voided.trail()).as("an action answers without the history").isNull();
        assertThat(workbench.view(clerk, number).trail()).extracting(TrailEntry::action).contains(CaseAction.VOID);
        assertThat(datasets.of(clerk, number).completion().resultCode()).isEqualTo(2);
        assertThat(datasets.of(clerk, number).completion().reason()).isEqualTo("申请人身份信息登记错误");
        assertThat(events.stream(CaseCompleted.class).map(CaseCompleted::caseNumber)).doesNotContain(number);
        assertThat(completed.find(number)).isEmpty();
        assertThat(applications.messages(applicant(ZHANG_SAN))).extracting(CaseMessage::text)
                .anyMatch(t -> t.contains(number) && t.contains("已作废"));
        assertThatThrownBy(() -> workbench.annul(clerk, number, null, "再次作废"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void aDecidedCaseCannotBeAnnulled() {
        String number = decided();
        assertThatThrownBy(() -> workbench.annul(futian(StaffRole.WINDOW_CLERK), number, null, "登记有误"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void aDepartmentAdministratorDeletesADuplicateNeverAccepted() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        assertThatThrownBy(() -> workbench.delete(futian(StaffRole.WINDOW_CLERK), number, null, "重复申报"))
                .extracting("error").isEqualTo(CasesError.CASES_ROLE_REQUIRED);
        assertThatThrownBy(() -> workbench.delete(nanshan(StaffRole.DEPARTMENT_ADMIN), number, null, "重复申报"))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        CaseView deleted = workbench.delete(futian(StaffRole.DEPARTMENT_ADMIN), number, null, "与另一办件重复");
        assertThat(deleted.state()).isEqualTo(CaseState.DELETED);
        assertThat(deleted.resultCode()).isEqualTo(3);
        assertThat(staffView(number).trail()).extracting(TrailEntry::action)
                .containsExactly(CaseAction.SUBMIT, CaseAction.DELETE);
        assertThat(datasets.of(futian(StaffRole.WINDOW_CLERK), number).completion().resultCode()).isEqualTo(3);
        assertThat(applications.view(applicant(ZHANG_SAN), number).state()).isEqualTo(CaseState.DELETED);
        assertThat(events.stream(CaseCompleted.class).map(CaseCompleted::caseNumber)).doesNotContain(number);
    }

    @Test
    void anAcceptedCaseIsNotDeleted() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        Staff admin = staff("11440300MB2C94021Y", "4403", StaffRole.PLATFORM_ADMIN);
        assertThat(workbench.offers(admin, number)).doesNotContain(CaseAction.DELETE);
        assertThatThrownBy(() -> workbench.delete(admin, number, null, "重复"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void anApproverForwardsAnAcceptedCaseWhichCompletesWithResultFour() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        Staff approver = futian(StaffRole.APPROVER);
        assertThatThrownBy(() -> workbench.forward(futian(StaffRole.WINDOW_CLERK), number, null, "报市局"))
                .extracting("error").isEqualTo(CasesError.CASES_ROLE_REQUIRED);
        assertThat(workbench.offers(approver, number)).contains(CaseAction.FORWARD, CaseAction.EXTEND,
                CaseAction.PAUSE);
        CaseView forwarded = workbench.forward(approver, number, null, "涉及跨区事项，转报深圳市民政局办理");
        assertThat(forwarded.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(forwarded.resultCode()).isEqualTo(4);
        assertThat(forwarded.resultReason()).isEqualTo("涉及跨区事项，转报深圳市民政局办理");
        assertThat(events.stream(CaseCompleted.class).filter(e -> e.caseNumber().equals(number)))
                .singleElement().extracting(CaseCompleted::result).isEqualTo(ResultCode.FORWARDED);
        assertThat(completed.find(number)).get().extracting(CompletedCases.CompletedCase::result)
                .isEqualTo(ResultCode.FORWARDED);
        assertThatThrownBy(() -> workbench.forward(approver, number, null, "再次转报"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void aCaseNotYetAcceptedIsNotForwarded() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        assertThatThrownBy(() -> workbench.forward(futian(StaffRole.DEPARTMENT_ADMIN), number, null, "转报"))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
    }

    @Test
    void theEndingsOverHttpAnswerConflictsWithStableCodes() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        String admin = TestTokens.staff(application, base(), StaffLogin.like(application, "ft-admin").username());
        HttpResponse<String> noReason = postJson("/api/v1/cases/" + number + "/deletion", admin, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("CASES_REASON_REQUIRED");
        HttpResponse<String> forward = postJson("/api/v1/cases/" + number + "/forwarding", admin,
                "{\"opinion\":\"转报\"}");
        assertThat(forward.statusCode()).isEqualTo(409);
        assertThat(forward.body()).contains("CASES_STATE_CONFLICT");
        HttpResponse<String> stale = postJson("/api/v1/cases/" + number + "/annulment", admin,
                "{\"opinion\":\"登记有误\",\"version\":99}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("CASES_VERSION_CONFLICT");
        HttpResponse<String> deleted = postJson("/api/v1/cases/" + number + "/deletion", admin,
                "{\"opinion\":\"重复申报\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"state\":\"DELETED\"").contains("\"resultCode\":3");
    }

    @Test
    void aTaskIsHandedOnlyToAnActiveMemberOfTheSameRoleAndScope() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        Staff first = member("rv", StaffRole.REVIEWER);
        Staff second = member("rv", StaffRole.REVIEWER);
        Staff approver = member("ap", StaffRole.APPROVER);
        workbench.claim(first, number, null);
        assertThat(workbench.reassignees(first, number)).extracting(Staff::username).contains(second.username())
                .doesNotContain(first.username(), approver.username());
        assertThatThrownBy(() -> workbench.reassign(first, number, null, approver.username(), null))
                .extracting("error").isEqualTo(CasesError.CASES_REASSIGN_TARGET_INVALID);
        assertThatThrownBy(() -> workbench.reassign(first, number, null, "nobody-" + number, null))
                .extracting("error").isEqualTo(CasesError.CASES_REASSIGN_TARGET_INVALID);
        assertThat(workbench.reassign(first, number, null, second.username(), "休假").currentStep().handler())
                .isEqualTo(second.username());
    }

    private Staff member(String prefix, StaffRole role) {
        String username = StaffLogin.create(application, prefix, CreditCode.of(FUTIAN), DivisionCode.of("440304"),
                Set.of(role)).username();
        return new Staff(username, "测试", CreditCode.of(FUTIAN), DivisionCode.of("440304"), Set.of(role));
    }

    private String decided() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        workbench.review(futian(StaffRole.REVIEWER), number, null, "符合条件");
        workbench.decide(futian(StaffRole.APPROVER), number, null, true, null);
        return number;
    }
}
