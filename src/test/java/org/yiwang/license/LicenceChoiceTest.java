package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.LicenceLibrary;
import org.yiwang.cases.CasesError;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.AgentScope;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.RuleViolations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 使用电子证照（免提交）: the applicant chooses one of their valid licences for a draft's material slot; anyone else's,
 * one no longer valid or of another type is refused and nothing changes; the clerk sees the licence, its status and
 * the verification of its file on the case page.
 */
class LicenceChoiceTest extends LicenseTestBase {

    static final String BIRTH_REGISTRATION = LicenseReuseTest.BIRTH_REGISTRATION;
    static final String HEALTH_COMMISSION = "11440300MB2C92501T";
    /** 养老机构备案: m2 养老机构营业执照 (licence type 11100000MB0143028R001), for enterprises. */
    static final String CARE_HOME_FILING = "11440300007542398F1000149000000";

    static final String BUSINESS_LICENCE = "11100000MB0143028R001";

    @Autowired
    Applications applications;
    @Autowired
    LicenseTypes types;
    @Autowired
    LicenseTypeConsole typeConsole;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationContext context;

    private String marriageLicence() {
        return store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
    }

    private long draft(String token, String item) {
        var created = postJson("/api/v1/applications/drafts", token, "{\"itemCode\":\"" + item + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("draftId").asLong();
    }

    private JsonNode slot(String token, long draftId, String key) {
        for (JsonNode m : json.readTree(get("/api/v1/applications/drafts/" + draftId, token).body()).get("materials")) {
            if (m.get("key").asString().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("no slot " + key);
    }

    private HttpResponse<String> choose(String token, long draftId, String slot, String licenceId) {
        return send(request("/api/v1/applications/drafts/" + draftId + "/materials/" + slot + "/licence", token)
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"licenceId\":\"" + licenceId + "\"}")),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApplicantChoosesAValidLicenceFromTheWallet() {
        String licence = marriageLicence();
        String zhang = token(ZHANG_SAN);
        long draftId = draft(zhang, BIRTH_REGISTRATION);

        JsonNode before = slot(zhang, draftId, "m2");
        assertThat(before.get("licenceChoices").findValuesAsString("identifier")).contains(licence);
        assertThat(slot(zhang, draftId, "m1").get("licenceChoices").isEmpty()).isTrue();

        var chosen = choose(zhang, draftId, "m2", licence);
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        JsonNode filled = slot(zhang, draftId, "m2");
        assertThat(filled.at("/filledBy/source").asString()).isEqualTo("LICENCE");
        assertThat(filled.at("/filledBy/credibilityGrade").asString()).isEqualTo("A");
        assertThat(filled.at("/filledBy/licenceId").asString()).isEqualTo(licence);
        assertThat(filled.at("/licence/name").asString()).isEqualTo("中华人民共和国结婚证");
        assertThat(filled.at("/licence/status").asString()).isEqualTo("有效");
    }

    @Test
    void anotherPersonsLicenceIsNotFoundAndNothingChanges() {
        String licence = marriageLicence();
        String wang = token(WANG_WU);
        long draftId = draft(wang, BIRTH_REGISTRATION);
        assertThat(slot(wang, draftId, "m2").get("licenceChoices").findValuesAsString("identifier"))
                .doesNotContain(licence);

        var refused = choose(wang, draftId, "m2", licence);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("CASES_LICENCE_NOT_FOUND", "不是申请人持有的证照");
        assertThat(slot(wang, draftId, "m2").has("filledBy")).isFalse();
        assertThat(choose(wang, draftId, "m2", "1.2.156.3005.2.X").statusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedLicenceIsRefusedAndNothingChanges() {
        String licence = marriageLicence();
        issuance.end(staff(FUTIAN_CIVIL, "440304", StaffRole.REVIEWER), LicenseId.parse(licence),
                LicenseIssuance.StatusAction.REVOKE, "登记时隐瞒婚姻状况");
        String zhang = token(ZHANG_SAN);
        long draftId = draft(zhang, BIRTH_REGISTRATION);
        assertThat(slot(zhang, draftId, "m2").get("licenceChoices").findValuesAsString("identifier"))
                .doesNotContain(licence);

        var refused = choose(zhang, draftId, "m2", licence);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("CASES_LICENCE_NOT_VALID", "已撤销", "不能使用");
        assertThat(slot(zhang, draftId, "m2").has("filledBy")).isFalse();
    }

    @Test
    void aLicenceOfAnotherTypeOrForASlotWithoutTypeIsRefused() {
        String restaurant = restaurantToken();
        String food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司").identifier().value();
        long draftId = draft(restaurant, CARE_HOME_FILING);

        var wrongType = choose(restaurant, draftId, "m2", food);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("CASES_LICENCE_WRONG_TYPE", "不能代替材料“养老机构营业执照”");
        var noType = choose(restaurant, draftId, "m3", food);
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(noType.body()).contains("CASES_LICENCE_NOT_ACCEPTED");
        assertThat(slot(restaurant, draftId, "m2").has("filledBy")).isFalse();
        assertThat(slot(restaurant, draftId, "m3").has("filledBy")).isFalse();
    }

    /** The enterprise's 营业执照 is offered to and fills the slot for the agent with full scope only. */
    @Test
    void anAgentUsesTheEnterprisesLicencesOnlyWithFullScope() {
        String licence = businessLicence().identifier().value();
        var person = profile(WANG_WU).person();
        var applyOnly = new Applicant(person, ActingFor.agent(RESTAURANT, "深圳市南山海岸餐饮管理有限公司",
                AgentScope.APPLY_ONLY));
        var all = new Applicant(person, ActingFor.agent(RESTAURANT, "深圳市南山海岸餐饮管理有限公司", AgentScope.ALL));
        long limited = applications.createDraft(applyOnly, new Applications.DraftInput(CARE_HOME_FILING, Map.of(),
                Map.of())).draftId();
        long full = applications.createDraft(all, new Applications.DraftInput(CARE_HOME_FILING, Map.of(),
                Map.of())).draftId();

        assertThat(m2(all, full).licenceChoices()).extracting(LicenceLibrary.Licence::identifier).contains(licence);
        applications.useLicenceInDraft(all, full, "m2", licence);
        assertThat(m2(all, full).filledBy().licenceId()).isEqualTo(licence);

        assertThat(m2(applyOnly, limited).licenceChoices()).isEmpty();
        assertThatThrownBy(() -> applications.useLicenceInDraft(applyOnly, limited, "m2", licence))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CasesError.CASES_LICENCE_NOT_A_HOLDER));
        assertThat(m2(applyOnly, limited).filledBy()).isNull();
    }

    private CaseView.MaterialSlot m2(Applicant applicant, long draftId) {
        return applications.draft(applicant, draftId).materials().stream().filter(m -> m.key().equals("m2"))
                .findFirst().orElseThrow();
    }

    /**
     * 免提交 at submission: an empty slot is filled with the enterprise's newest valid licence only for those who may
     * use its licences; an agent who may only apply submits the material himself.
     */
    @Test
    void atSubmissionOnlyAnAgentWithFullScopeGetsTheEnterprisesLicenceFilledIn() {
        String licence = businessLicence().identifier().value();
        var person = profile(WANG_WU).person();
        var applyOnly = new Applicant(person, ActingFor.agent(RESTAURANT, "深圳市南山海岸餐饮管理有限公司",
                AgentScope.APPLY_ONLY));
        var all = new Applicant(person, ActingFor.agent(RESTAURANT, "深圳市南山海岸餐饮管理有限公司", AgentScope.ALL));

        String number = submitCareHomeFilingWithoutM2(all);
        var m2 = applications.view(all, number).materials().stream().filter(m -> m.key().equals("m2")).findFirst()
                .orElseThrow();
        assertThat(m2.filledBy().licenceId()).isEqualTo(licence);

        assertThatThrownBy(() -> submitCareHomeFilingWithoutM2(applyOnly))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("materials.m2")));
    }

    /** A 营业执照 (type 11100000MB0143028R001, defined in the console) of the restaurant. */
    private IssuedLicense businessLicence() {
        if (types.find(BUSINESS_LICENCE).isEmpty()) {
            LicenseType.Layout food = types.require(FOOD).layout();
            typeConsole.create(new LicenseType(BUSINESS_LICENCE, "营业执照", LicenseType.HolderKind.ENTERPRISE,
                    List.of(), null, new LicenseType.Layout(food.width(), food.height(), "营业执照", food.titleY(), food.titleSize(),
                            food.placed().stream().filter(p -> LicenseContent.STANDARD_LABELS.containsKey(p.field()))
                                    .toList(), food.code(), food.seal()), List.of()));
        }
        return issuance.issue(marketReviewer(), new LicenseIssuance.Issue(BUSINESS_LICENCE, new LicenseIssuance.Holder(
                LicenseType.HolderKind.ENTERPRISE, "深圳市南山海岸餐饮管理有限公司", RESTAURANT), Map.of(), null));
    }

    private String submitCareHomeFilingWithoutM2(Applicant applicant) {
        long draftId = applications.createDraft(applicant, new Applications.DraftInput(CARE_HOME_FILING, Map.of(),
                Map.of())).draftId();
        for (String slot : List.of("m1", "m3", "m4")) {
            applications.uploadToDraft(applicant, draftId, slot, slot + ".pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        }
        return applications.submit(applicant, new Applications.Submission(draftId, null, null, null),
                UUID.randomUUID().toString()).caseNumber();
    }

    @Test
    void theApplyPageOffersTheWalletBesideTheUpload() {
        String licence = marriageLicence();
        LoopbackClient client = new LoopbackClient(port, "127.0.12.9");
        client.get("/account/login");
        client.post("/account/login/password", Map.of("loginName", ZHANG_SAN, "password", "Citizen@2026"));

        String page = client.get("/account/apply/" + BIRTH_REGISTRATION).body();
        assertThat(page).contains("使用电子证照（免提交）", "name=\"licence.m2\"", "value=\"" + licence + "\"")
                .doesNotContain("name=\"licence.m1\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftId", field(page, "draftId"));
        form.put("idempotencyKey", field(page, "idempotencyKey"));
        form.put("licence.m2", "1.2.156.3005.2.X");
        var pdf = Map.of("m.m1", Map.entry("身份证.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        var refused = client.postMultipart("/account/apply/" + BIRTH_REGISTRATION, form, pdf);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("电子证照不存在，或不是申请人持有的证照");

        form.put("licence.m2", licence);
        var submitted = client.postMultipart("/account/apply/" + BIRTH_REGISTRATION, form, pdf);
        assertThat(submitted.status()).isEqualTo(302);
        String number = submitted.location().replaceAll(".*/account/cases/", "").replace("?submitted", "");
        var m2 = applications.view(new Applicant(profile(ZHANG_SAN).person(), null), number).materials().stream()
                .filter(m -> m.key().equals("m2")).findFirst().orElseThrow();
        assertThat(m2.filledBy().licenceId()).isEqualTo(licence);
        assertThat(m2.filledBy().addedBy()).startsWith("person:");
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void theClerkSeesTheLicenceItsStatusAndTheVerificationOfItsFile() {
        String licence = marriageLicence();
        Applicant zhang = new Applicant(profile(ZHANG_SAN).person(), null);
        var draft = applications.createDraft(zhang, new Applications.DraftInput(BIRTH_REGISTRATION, Map.of(),
                Map.of()));
        applications.uploadToDraft(zhang, draft.draftId(), "m1", "身份证.pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        applications.useLicenceInDraft(zhang, draft.draftId(), "m2", licence);
        String number = applications.submit(zhang, new Applications.Submission(draft.draftId(), null, null, null),
                UUID.randomUUID().toString()).caseNumber();
        var clerk = StaffLogin.session(port, StaffLogin.create(context, "wjw", CreditCode.of(HEALTH_COMMISSION),
                DivisionCode.of("4403"), Set.of(StaffRole.WINDOW_CLERK)));

        String page = clerk.page("/admin/cases/" + number).body();

        assertThat(page).contains(licence, "中华人民共和国结婚证", "福田区民政局", "当前状态：有效", "可信等级 A",
                "证照核验（证照文件）", "证照有效", "电子印章验证通过", "/licenses/verify?id=" + licence);
        var link = Pattern.compile("href=\"([^\"]+)\">下载证照文件").matcher(page);
        assertThat(link.find()).isTrue();
        String download = link.group(1);
        var file = send(request(download, null).header("Cookie", clerk.cookie()).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/ofd");
        assertThat(LicenseDocumentsTest.identifierOf(file.body())).isEqualTo(licence);

        issuance.end(staff(FUTIAN_CIVIL, "440304", StaffRole.REVIEWER), LicenseId.parse(licence),
                LicenseIssuance.StatusAction.REVOKE, "登记时隐瞒婚姻状况");
        assertThat(clerk.page("/admin/cases/" + number).body()).contains("当前状态：已撤销", "证照无效");
    }
}
