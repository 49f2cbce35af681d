package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.FormField;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.AgentScope;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.enterprise.Enterprises;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.shared.RuleViolations;
import tools.jackson.databind.json.JsonMapper;

/** Walk-ins at the window, prefilled forms, pre-review, enterprise applicants and the GB/T 39046 data sets. */
class WalkInAndFormTest extends CaseTestBase {

    static final ApplicationForm FORM = new ApplicationForm(List.of(
            new FormField("name", "申请人姓名", FormField.Type.TEXT, true, FormField.Prefill.APPLICANT_NAME, null, null),
            new FormField("idNumber", "身份证号码", FormField.Type.ID_NUMBER, true,
                    FormField.Prefill.APPLICANT_ID_NUMBER, null, null),
            new FormField("purpose", "申请事由", FormField.Type.TEXT, true, null, null, null)));
    static final ApplicationForm ENTERPRISE_FORM = new ApplicationForm(List.of(
            new FormField("company", "企业名称", FormField.Type.TEXT, true, FormField.Prefill.ENTERPRISE_NAME, null,
                    null),
            new FormField("purpose", "申请事由", FormField.Type.TEXT, true, null, null, null)));

    @Autowired
    Enterprises enterprises;
    @Autowired
    JsonMapper json;

    @Test
    void aClerkRegistersAWalkInCheckedAgainstThePopulationBase() {
        String item = item(FUTIAN, 10);
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        var wrongName = new Workbench.WalkIn(item, "李四", ZHANG_SAN, "13800000000", Map.of(),
                Map.of("chain", "no"), List.of("m1"));
        assertThatThrownBy(() -> workbench.registerWalkIn(clerk, wrongName, null))
                .extracting("error").isEqualTo(CasesError.CASES_APPLICANT_NOT_IN_POPULATION);
        assertThatThrownBy(() -> workbench.registerWalkIn(clerk, new Workbench.WalkIn(item, "张三", "440304198503120014",
                null, Map.of(), Map.of("chain", "no"), List.of("m1")), null))
                .extracting("error").isEqualTo(CasesError.CASES_ID_NUMBER_INVALID);
        assertThatThrownBy(() -> workbench.registerWalkIn(clerk, new Workbench.WalkIn(item, "张三", ZHANG_SAN,
                null, Map.of(), Map.of("chain", "no"), List.of()), null)).isInstanceOf(RuleViolations.class)
                .extracting("error").isEqualTo(CasesError.CASES_MATERIALS_MISSING);
        assertThatThrownBy(() -> workbench.registerWalkIn(nanshan(StaffRole.WINDOW_CLERK), new Workbench.WalkIn(item,
                "张三", ZHANG_SAN, null, Map.of(), Map.of("chain", "no"), List.of("m1")), null))
                .extracting("error").isEqualTo(CasesError.CASES_ITEM_NOT_AVAILABLE);

        var walkIn = new Workbench.WalkIn(item, "张三", ZHANG_SAN, "13800000000", Map.of(), Map.of("chain", "no"),
                List.of("m1"));
        CaseView registered = workbench.registerWalkIn(clerk, walkIn, "walk-in-" + item);
        assertThat(registered.channel()).isEqualTo(Channel.WINDOW);
        assertThat(registered.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(registered.materials()).singleElement()
                .satisfies(m -> assertThat(m.filledBy().source()).isEqualTo(MaterialSource.PAPER));
        assertThat(workbench.registerWalkIn(clerk, walkIn, "walk-in-" + item).caseNumber())
                .as("same key, same case").isEqualTo(registered.caseNumber());
        assertThat(applications.list(applicant(ZHANG_SAN), 0).items()).extracting(CaseSummary::caseNumber)
                .as("the registered person sees it online").contains(registered.caseNumber());
        assertThat(registered.trail()).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo(CaseAction.REGISTER);
            assertThat(t.channel()).isEqualTo("WINDOW");
            assertThat(t.actor()).isEqualTo(clerk.username());
        });
        assertThat(workbench.accept(clerk, registered.caseNumber(), null, null).caseView().state())
                .isEqualTo(CaseState.UNDER_REVIEW);

        CaseView unregistered = workbench.registerWalkIn(clerk, new Workbench.WalkIn(item, "陈晓明",
                "440303198809200052", null, Map.of(), Map.of("chain", "no"), List.of("m1")), null);
        assertThat(unregistered.applicant().name()).isEqualTo("陈晓明");
        assertThat(unregistered.applicant().idNumber()).isEqualTo("440303********0052");
    }

    @Test
    void prefilledFieldsComeFromTheIdentityAndPreReviewComesFirst() throws Exception {
        String item = item(FUTIAN, 10, true, FORM);
        Applicant applicant = applicant(ZHANG_SAN);
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(item,
                Map.of("name", "冒名", "idNumber", "11010519491231002X"), Map.of("chain", "no")));
        assertThat(draft.formValues()).containsEntry("name", "张三").containsEntry("idNumber", "440304********0013");
        applications.uploadToDraft(applicant, draft.draftId(), "m1", "a.pdf", pdf());
        assertThatThrownBy(() -> applications.submit(applicant, new Applications.Submission(draft.draftId(), null,
                null, null), null)).isInstanceOfSatisfying(RuleViolations.class, v -> assertThat(v.violations())
                .extracting(RuleViolations.Violation::field).containsExactly("purpose"));
        CaseView submitted = applications.submit(applicant, new Applications.Submission(draft.draftId(), null,
                Map.of("purpose", "开办便利店"), null), null);
        assertThat(submitted.state()).isEqualTo(CaseState.PRE_REVIEW);
        assertThat(submitted.formValues()).containsEntry("name", "张三").containsEntry("purpose", "开办便利店")
                .containsEntry("idNumber", "440304********0013");

        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        assertThatThrownBy(() -> workbench.accept(clerk, submitted.caseNumber(), null, null))
                .extracting("error").isEqualTo(CasesError.CASES_STATE_CONFLICT);
        assertThat(workbench.preReview(clerk, submitted.caseNumber(), null, "预审通过").state())
                .isEqualTo(CaseState.SUBMITTED);
        workbench.accept(clerk, submitted.caseNumber(), null, null);

        CaseDatasets.Datasets sets = datasets.of(clerk, submitted.caseNumber());
        assertThat(sets.application().formValues()).containsEntry("idNumber", ZHANG_SAN);
        assertThat(sets.application().applicantIdNumber()).isEqualTo(ZHANG_SAN);
        assertThat(jdbc.sql("SELECT count(*) FROM service_case WHERE case_number = ? AND (form_values::text LIKE ? "
                + "OR form_values::text LIKE '%冒名%')").params(submitted.caseNumber(), "%" + ZHANG_SAN + "%")
                .query(Long.class).single()).as("no ID number or typed prefill stored in the form").isZero();
    }

    @Test
    void anEnterpriseAppliesThroughItsRepresentativeAndOnlyTheEnterpriseSeesIt() {
        enterprises.claim(profile(LI_NA).accountId(), "91440305MA5H2D8Q1B", "深圳市南山海岸餐饮管理有限公司");
        String item = item(NANSHAN, 20, false, ENTERPRISE_FORM);
        Applicant personal = applicant(LI_NA);
        Applicant company = representing(LI_NA, "91440305MA5H2D8Q1B", "深圳市南山海岸餐饮管理有限公司");
        DraftView asPerson = applications.createDraft(personal, new Applications.DraftInput(item,
                Map.of("purpose", "x"), Map.of("chain", "no")));
        applications.uploadToDraft(personal, asPerson.draftId(), "m1", "a.pdf", pdf());
        assertThatThrownBy(() -> applications.submit(personal, new Applications.Submission(asPerson.draftId(), null,
                null, null), null)).isInstanceOfSatisfying(RuleViolations.class, v -> assertThat(v.violations())
                .extracting(RuleViolations.Violation::error)
                .containsExactly(CasesError.CASES_ENTERPRISE_APPLICANT_REQUIRED));
        assertThatThrownBy(() -> applications.draft(company, asPerson.draftId()))
                .extracting("error").isEqualTo(CasesError.CASES_DRAFT_NOT_FOUND);

        DraftView draft = applications.createDraft(company, new Applications.DraftInput(item,
                Map.of("purpose", "开办餐厅"), Map.of("chain", "no")));
        applications.uploadToDraft(company, draft.draftId(), "m1", "a.pdf", pdf());
        CaseView submitted = applications.submit(company, new Applications.Submission(draft.draftId(), null, null,
                null), null);
        assertThat(submitted.applicant().kind()).isEqualTo("ENTERPRISE");
        assertThat(submitted.applicant().name()).isEqualTo("深圳市南山海岸餐饮管理有限公司");
        assertThat(submitted.applicant().agentName()).isEqualTo("李娜");
        assertThat(submitted.formValues()).containsEntry("company", "深圳市南山海岸餐饮管理有限公司");
        assertThatThrownBy(() -> applications.view(personal, submitted.caseNumber()))
                .extracting("error").isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThat(applications.list(company, 0).items()).extracting(CaseSummary::caseNumber)
                .contains(submitted.caseNumber());

        CaseDatasets.Datasets sets = datasets.of(nanshan(StaffRole.WINDOW_CLERK), submitted.caseNumber());
        assertThat(sets.application().applicantType()).isEqualTo("2");
        assertThat(sets.application().applicantIdNumber()).isEqualTo("91440305MA5H2D8Q1B");
        assertThat(sets.application().contactName()).isEqualTo("李娜");

        Applicant applyOnly = actingFor(WANG_WU, "91440305MA5H2D8Q1B", "深圳市南山海岸餐饮管理有限公司",
                AgentScope.APPLY_ONLY);
        assertThatThrownBy(() -> applications.view(applyOnly, submitted.caseNumber()))
                .as("仅申报: not the enterprise's other cases").extracting("error")
                .isEqualTo(CasesError.CASES_CASE_NOT_FOUND);
        assertThat(applications.list(applyOnly, 0).items()).extracting(CaseSummary::caseNumber)
                .doesNotContain(submitted.caseNumber());
        assertThat(applications.view(actingFor(WANG_WU, "91440305MA5H2D8Q1B", "深圳市南山海岸餐饮管理有限公司",
                AgentScope.ALL), submitted.caseNumber()).caseNumber()).isEqualTo(submitted.caseNumber());
    }

    @Test
    void theDatasetsHaveTheFourGbT39046Parts() throws Exception {
        Staff clerk = futian(StaffRole.WINDOW_CLERK);
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), clerk);
        workbench.review(futian(StaffRole.REVIEWER), number, null, "符合");
        workbench.decide(futian(StaffRole.APPROVER), number, null, true, "准予");
        workbench.complete(clerk, number, null, null, null);
        var tree = json.readTree(json.writeValueAsString(datasets.of(clerk, number)));
        assertThat(tree.get("application").get("caseNumber").asString()).isEqualTo(number);
        assertThat(tree.get("application").get("applicantIdType").asString()).isEqualTo("ID_CARD");
        assertThat(tree.get("application").get("handlingForm").asString()).isEqualTo("2");
        assertThat(tree.get("application").get("materials").get(0).get("sha256").asString()).hasSize(64);
        assertThat(tree.get("acceptance").get("accepted").asBoolean()).isTrue();
        assertThat(tree.get("acceptance").get("promisedCompletionDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        var steps = tree.get("handling");
        assertThat(steps.size()).isEqualTo(4);
        assertThat(steps.get(0).get("stepName").asString()).isEqualTo("受理");
        assertThat(steps.get(0).get("action").asString()).isEqualTo("PASS");
        assertThat(steps.get(1).get("stepName").asString()).isEqualTo("审查");
        assertThat(steps.get(1).get("opinion").asString()).isEqualTo("符合");
        assertThat(steps.get(3).get("state").asInt()).isEqualTo(2);
        assertThat(steps.get(3).has("startedAt")).isTrue();
        assertThat(steps.get(3).has("endedAt")).isTrue();
        assertThat(tree.get("completion").get("resultCode").asInt()).isZero();
        assertThat(tree.get("completion").has("completedAt")).isTrue();
    }

    @Test
    void theTrailRefusesUpdatesAndDeletes() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        assertThatThrownBy(() -> jdbc.sql("UPDATE service_case_trail SET opinion = 'x' WHERE case_id = "
                + "(SELECT id FROM service_case WHERE case_number = ?)").param(number).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM service_case_trail WHERE case_id = "
                + "(SELECT id FROM service_case WHERE case_number = ?)").param(number).update())
                .hasMessageContaining("append-only");
    }
}
