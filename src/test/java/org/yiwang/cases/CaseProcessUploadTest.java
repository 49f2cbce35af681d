package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

/** Per-item BPMN processes: checked before deployment, used by new cases of the item. */
class CaseProcessUploadTest extends CaseTestBase {

    static String defaultProcess() throws IOException {
        return new ClassPathResource("processes/yiwang-case.bpmn20.xml").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAdministratorUploadsAProcessThatNewCasesOfTheItemRun() throws Exception {
        String item = item(FUTIAN, 10);
        Staff admin = futian(StaffRole.DEPARTMENT_ADMIN);
        String renamed = defaultProcess().replace("name=\"审查\"", "name=\"初审\"")
                .replace("REVIEWER@${departmentCode}", "REVIEWER@11440304007550312P");
        CaseProcesses.ProcessDeployment deployed = processes.upload(admin, item, renamed.getBytes(
                StandardCharsets.UTF_8));
        assertThat(jdbc.sql("SELECT key_ FROM act_re_procdef WHERE id_ = ?").param(deployed.processDefinitionId())
                .query(String.class).single()).isEqualTo("case-" + item);
        assertThat(processes.current(item)).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(1));
        String number = accepted(applicant(ZHANG_SAN), item, futian(StaffRole.WINDOW_CLERK));
        assertThat(jdbc.sql("SELECT process_definition_id FROM service_case WHERE case_number = ?").param(number)
                .query(String.class).single()).isEqualTo(deployed.processDefinitionId());
        assertThat(jdbc.sql("SELECT t.name_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE e.business_key_ = ?").param(number).query(String.class).single()).isEqualTo("初审");
        assertThat(workbench.review(futian(StaffRole.REVIEWER), number, null, "同意").state())
                .isEqualTo(CaseState.DECIDING);
    }

    @Test
    void unsafeOrIncompleteProcessesAreRefused() throws Exception {
        String item = item(FUTIAN, 10);
        Staff admin = futian(StaffRole.DEPARTMENT_ADMIN);
        assertRefused(admin, item, "<definitions", CasesError.CASES_PROCESS_INVALID);
        assertRefused(admin, item, defaultProcess().replace("id=\"decide\"", "id=\"approve\"")
                .replace("targetRef=\"decide\"", "targetRef=\"approve\"")
                .replace("sourceRef=\"decide\"", "sourceRef=\"approve\""), CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED);
        assertRefused(admin, item, defaultProcess().replace(
                "<endEvent id=\"end\" name=\"办结\"/>",
                "<endEvent id=\"end\" name=\"办结\"/><scriptTask id=\"evil\" scriptFormat=\"groovy\"><script>x</script>"
                        + "</scriptTask>"), CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED);
        assertRefused(admin, item, defaultProcess().replace("<conditionExpression>${preReview}",
                "<conditionExpression>${execution.getEngineServices()}"), CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED);
        assertRefused(admin, item, defaultProcess().replace("REVIEWER@${departmentCode}", "nobody"),
                CasesError.CASES_PROCESS_CANDIDATE_GROUP_INVALID);
        assertRefused(admin, item, defaultProcess().replace("<userTask id=\"review\" name=\"审查\"",
                "<userTask id=\"review\" name=\"审查\" flowable:assignee=\"${x}\""),
                CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED);
        assertThatThrownBy(() -> processes.upload(nanshan(StaffRole.DEPARTMENT_ADMIN), item,
                defaultProcess().getBytes(StandardCharsets.UTF_8)))
                .extracting("error").isEqualTo(CasesError.CASES_NOT_YOUR_DEPARTMENT);
        assertThat(processes.current(item)).isEmpty();
    }

    @Test
    void theAdminApiRefusesABadProcessInChinese() throws Exception {
        String item = item(FUTIAN, 10);
        HttpResponse<String> refused = send(adminRequest("/api/v1/admin/items/" + item + "/process")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(defaultProcess().replace("id=\"complete\"", "id=\"done\"")
                        .replace("targetRef=\"complete\"", "targetRef=\"done\"")
                        .replace("sourceRef=\"complete\"", "sourceRef=\"done\""))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("CASES_PROCESS_ELEMENT_NOT_ALLOWED", "只允许");
        HttpResponse<String> ok = send(adminRequest("/api/v1/admin/items/" + item + "/process")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(defaultProcess())));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    private void assertRefused(Staff admin, String item, String bpmn, CasesError error) {
        assertThatThrownBy(() -> processes.upload(admin, item, bpmn.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BusinessException.class).extracting("error").isEqualTo(error);
    }
}
