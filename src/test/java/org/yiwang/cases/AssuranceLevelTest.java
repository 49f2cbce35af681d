package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.CatalogError;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.shared.RuleViolations;

/**
 * An item's minimum identity assurance level (实名认证等级): the demo citizens are at level 3, so they apply for an
 * item asking 3 and are refused, told how to raise their level, for one asking 4 — on the page and over the API.
 */
class AssuranceLevelTest extends CaseTestBase {

    @Test
    void anApplicantBelowTheItemsLevelIsRefusedWithHowToRaiseIt() {
        String faceOnly = item(FUTIAN, 10, false, ApplicationForm.NONE, 4);
        String populationConfirmed = item(FUTIAN, 10, false, ApplicationForm.NONE, 3);
        assertThatThrownBy(() -> applications.createDraft(applicant(ZHANG_SAN),
                new Applications.DraftInput(faceOnly, Map.of(), Map.of("chain", "no"))))
                .extracting("error").isEqualTo(CasesError.CASES_ASSURANCE_LEVEL_TOO_LOW);
        assertThat(submit(applicant(ZHANG_SAN), populationConfirmed)).isNotBlank();

        String token = token(ZHANG_SAN);
        HttpResponse<String> draft = postJson("/api/v1/applications/drafts", token,
                "{\"itemCode\":\"" + faceOnly + "\"}");
        assertThat(draft.statusCode()).isEqualTo(403);
        assertThat(draft.body()).contains("CASES_ASSURANCE_LEVEL_TOO_LOW").contains("不低于 4 级（实人核验）")
                .contains("目前为 3 级（实名核验）").contains("人脸识别").contains("窗口现场核验");
        HttpResponse<String> direct = postJson("/api/v1/applications", token, "{\"itemCode\":\"" + faceOnly
                + "\",\"situationAnswers\":{\"chain\":\"no\"}}");
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(direct.body()).contains("CASES_ASSURANCE_LEVEL_TOO_LOW");
        assertThat(jdbc.sql("SELECT count(*) FROM service_case WHERE item_code = ?").param(faceOnly)
                .query(Long.class).single()).as("nothing stored").isZero();
    }

    @Test
    void theApplyPageSaysSoBeforeAnyFormAndTheGuideNamesTheLevel() {
        String faceOnly = item(FUTIAN, 10, false, ApplicationForm.NONE, 4);
        LoopbackClient citizen = new LoopbackClient(port, "127.0.9.8");
        citizen.get("/account/login");
        citizen.post("/account/login/password", Map.of("loginName", "13700000004", "password", "Citizen@2026"));
        LoopbackClient.Response page = citizen.get("/account/apply/" + faceOnly);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("需要更高的实名认证等级").contains("不低于 4 级（实人核验）")
                .doesNotContain("id=\"apply-form\"");
        assertThat(citizen.get("/items/" + faceOnly).body()).contains("在线申报要求实名认证等级不低于 4 级 · 实人核验");
    }

    @Test
    void theCatalogueRefusesALevelThatDoesNotExist() {
        assertThatThrownBy(() -> item(FUTIAN, 10, false, ApplicationForm.NONE, 7))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .anyMatch(v -> v.error() == CatalogError.CATALOG_ASSURANCE_LEVEL_INVALID
                                && v.field().equals("minimumAssuranceLevel")));
    }
}
