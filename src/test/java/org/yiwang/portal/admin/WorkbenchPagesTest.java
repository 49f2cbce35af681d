package org.yiwang.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseState;
import org.yiwang.cases.DraftView;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.LoopbackClient.Response;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.IdNumber;

/** The workbench pages over HTTP: each role sees the case in its queue and acts with the page's forms. */
@IntegrationTest
class WorkbenchPagesTest {

    /** 临时救助申请 of 福田区民政局 (…574F): a promised case of 5 working days, materials m1 and m2. */
    static final String RELIEF = "11440304007550574F0500117000000";
    static final CreditCode RELIEF_DEPARTMENT = CreditCode.of("11440304007550574F");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;
    @Autowired
    PersonProfiles profiles;
    @LocalServerPort
    int port;

    @Test
    void clerkReviewerAndApproverHandleACaseFromTheirQueues() {
        Applicant zhao = new Applicant(profiles.findByIdNumber(IdNumber.of("44030719920611004X")).orElseThrow()
                .person(), null);
        DraftView draft = applications.createDraft(zhao, new Applications.DraftInput(RELIEF, Map.of(
                "hardship", "急难型（火灾、交通事故、突发重大疾病等）", "householdSize", "3", "description", "家中失火"),
                Map.of()));
        applications.uploadToDraft(zhao, draft.draftId(), "m1", "身份证.pdf", PDF);
        applications.uploadToDraft(zhao, draft.draftId(), "m2", "证明.pdf", PDF);
        String number = applications.submit(zhao, new Applications.Submission(draft.draftId(), null, null, null),
                UUID.randomUUID().toString()).caseNumber();

        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        assertThat(clerk.page("/admin/cases").body()).contains(number);
        String page = clerk.page("/admin/cases/" + number).body();
        assertThat(page).contains("临时救助申请（待受理）").contains("下载 身份证.pdf").contains(">受理</button>")
                .contains("440307********004X").doesNotContain("44030719920611004X");
        Matcher link = Pattern.compile("/admin/cases/" + number + "/materials/(\\d+)").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<String> download = clerk.page(link.group());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF");

        HttpResponse<String> stale = clerk.postForm("/admin/cases/" + number + "/accept", Map.of("version", "0"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"action-error\"");
        assertThat(act(clerk, number, "accept", Map.of("opinion", "材料齐全"))).endsWith("?done=accept");

        StaffLogin.Session reviewer = StaffLogin.session(port, StaffLogin.create(context, "ft574-reviewer",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.REVIEWER)));
        assertThat(reviewer.page("/admin/cases").body()).contains(number);
        assertThat(reviewer.page("/admin/cases/" + number).body()).contains("审查完成").contains("剩余工作日");
        act(reviewer, number, "review", Map.of("opinion", "符合救助条件"));

        StaffLogin.Session approver = StaffLogin.session(port, StaffLogin.create(context, "ft574-approver",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.APPROVER)));
        act(approver, number, "decision", Map.of("decision", "approve", "opinion", "同意救助"));
        assertThat(act(clerk, number, "completion", Map.of())).endsWith("?done=completion");
        act(clerk, number, "delivery", Map.of("method", "ONLINE"));

        assertThat(applications.view(zhao, number).state()).isEqualTo(CaseState.DELIVERED);
        assertThat(clerk.page("/admin/cases/" + number).body()).contains("符合救助条件").contains("同意救助")
                .contains("当前环节不由您办理");
    }

    @Test
    void clerkAsksForACorrectionAndTheCitizenSupplementsOnTheCasePage() {
        String number = submitted();
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        HttpResponse<String> empty = clerk.postForm("/admin/cases/" + number + "/corrections",
                Map.of("version", version(clerk, number)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"action-error\"");
        act(clerk, number, "corrections", Map.of("c.m2", "证明材料不清晰，请重新上传", "opinion", "请补正"));

        LoopbackClient citizen = new LoopbackClient(port, "127.0.9.4");
        citizen.get("/account/login");
        citizen.post("/account/login/password", Map.of("loginName", "13700000004", "password", "Citizen@2026"));
        String page = citizen.get("/account/cases/" + number).body();
        assertThat(page).contains("请补正").contains("证明材料不清晰，请重新上传").contains("name=\"m.m2\"");
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        Response refused = citizen.postMultipart("/account/cases/" + number + "/supplement",
                Map.of("version", version.group(1)), Map.of("m.m2", Map.entry("证明.txt", "text".getBytes())));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("补正未提交").contains("只接受 PDF、JPEG、PNG 或 OFD 文件");
        Response done = citizen.postMultipart("/account/cases/" + number + "/supplement",
                Map.of("version", version.group(1)), Map.of("m.m2", Map.entry("清晰证明.pdf", PDF)));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).endsWith("?supplemented");
        assertThat(citizen.get("/account/cases/" + number).body()).contains("待受理").contains("清晰证明.pdf")
                .doesNotContain("id=\"correction\"");
    }

    @Test
    void theCitizenSeesUnreadMessagesAndMarksThemRead() {
        String number = submitted();
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        LoopbackClient citizen = new LoopbackClient(port, "127.0.9.6");
        citizen.get("/account/login");
        citizen.post("/account/login/password", Map.of("loginName", "13700000004", "password", "Citizen@2026"));
        citizen.get("/account/messages");
        act(clerk, number, "corrections", Map.of("c.m1", "身份证复印件不清晰"));

        String page = citizen.get("/account/cases/" + number).body();
        assertThat(page).contains("消息（1 条未读）").contains("需要补正").contains("标为已读");
        Matcher read = Pattern.compile("/account/messages/(\\d+)/read").matcher(page);
        assertThat(read.find()).isTrue();
        Response marked = citizen.post(read.group(), Map.of());
        assertThat(marked.status()).isEqualTo(302);
        assertThat(marked.location()).contains("/account/cases/" + number);
        page = citizen.get("/account/cases/" + number).body();
        assertThat(page).doesNotContain("标为已读").contains(">消息</a>");

        LoopbackClient stranger = new LoopbackClient(port, "127.0.9.7");
        stranger.get("/account/login");
        stranger.post("/account/login/password", Map.of("loginName", "13700000002", "password", "Citizen@2026"));
        assertThat(stranger.get("/account").body()).contains("name=\"_csrf\"");
        assertThat(stranger.post(read.group(), Map.of()).status()).as("another citizen's message").isEqualTo(404);
    }

    @Test
    void aCorrectionOfAFormFieldIsMadeOnTheCasePage() {
        String number = submitted();
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        assertThat(clerk.page("/admin/cases/" + number).body()).contains("申请表：共同生活家庭成员人数");
        act(clerk, number, "corrections", Map.of("cf.householdSize", "家庭人数与户口簿不符，请更正"));

        LoopbackClient citizen = new LoopbackClient(port, "127.0.9.5");
        citizen.get("/account/login");
        citizen.post("/account/login/password", Map.of("loginName", "13700000004", "password", "Citizen@2026"));
        String page = citizen.get("/account/cases/" + number).body();
        assertThat(page).contains("家庭人数与户口簿不符，请更正").contains("id=\"correction-fields\"")
                .contains("name=\"f.householdSize\"").contains("value=\"3\"")
                .doesNotContain("name=\"f.description\"");
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        Response refused = citizen.postMultipart("/account/cases/" + number + "/supplement",
                Map.of("version", version.group(1), "f.householdSize", "三口"), Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("补正未提交").contains("value=\"三口\"").contains("f-householdSize-err");
        Response done = citizen.postMultipart("/account/cases/" + number + "/supplement",
                Map.of("version", version.group(1), "f.householdSize", "4"), Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        String after = clerk.page("/admin/cases/" + number).body();
        assertThat(after).contains("待受理").contains("<dd>4</dd>").contains("家中失火");
    }

    @Test
    void approverExtendsAndPausesReviewerHandsOnAndClerkAnnulsWithThePagesForms() {
        String number = submitted();
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        assertThat(clerk.page("/admin/cases/" + number).body()).contains("id=\"annul-form\"")
                .doesNotContain("id=\"extension-form\"").doesNotContain("id=\"delete-form\"");
        act(clerk, number, "accept", Map.of());

        StaffLogin.Session approver = StaffLogin.session(port, StaffLogin.create(context, "ft574-approver",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.APPROVER)));
        String page = approver.page("/admin/cases/" + number).body();
        assertThat(page).contains("id=\"extension-form\"").contains("id=\"pause-form\"")
                .contains("id=\"forward-form\"").doesNotContain("id=\"resume-form\"");
        HttpResponse<String> tooLong = approver.postForm("/admin/cases/" + number + "/extensions",
                Map.of("version", version(approver, number), "days", "11", "opinion", "需现场核查"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"action-error\"").contains("10");
        act(approver, number, "extensions", Map.of("days", "3", "opinion", "需现场核查"));
        assertThat(approver.page("/admin/cases/" + number).body()).contains("本次最多 7 日");
        act(approver, number, "pauses", Map.of("kind", "EXPERT_REVIEW", "opinion", "组织专家评审"));
        page = approver.page("/admin/cases/" + number).body();
        assertThat(page).contains("特别程序中").contains("id=\"resume-form\"").doesNotContain("id=\"pause-form\"");
        HttpResponse<String> noResult = approver.postForm("/admin/cases/" + number + "/resume",
                Map.of("version", version(approver, number)));
        assertThat(noResult.statusCode()).isEqualTo(400);
        assertThat(noResult.body()).contains("id=\"action-error\"").contains("请填写原因或意见");
        act(approver, number, "resume", Map.of("opinion", "专家评审通过"));
        assertThat(approver.page("/admin/cases/" + number).body()).contains("审查中").contains("组织专家评审")
                .contains("专家评审通过");

        StaffLogin.Session first = StaffLogin.session(port, StaffLogin.create(context, "ft574-reviewer",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.REVIEWER)));
        StaffLogin.Account other = StaffLogin.create(context, "ft574-reviewer", RELIEF_DEPARTMENT,
                DivisionCode.of("440304"), Set.of(StaffRole.REVIEWER));
        assertThat(first.page("/admin/cases/" + number).body()).doesNotContain("id=\"reassign-form\"");
        act(first, number, "claim", Map.of());
        page = first.page("/admin/cases/" + number).body();
        assertThat(page).contains("id=\"reassign-form\"").contains("value=\"" + other.username() + "\"");
        HttpResponse<String> wrong = first.postForm("/admin/cases/" + number + "/reassign",
                Map.of("version", version(first, number), "username", clerk.username()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"action-error\"").contains("不能转交给");
        act(first, number, "reassign", Map.of("username", other.username(), "opinion", "休假"));
        assertThat(first.page("/admin/cases/" + number).body()).contains("办理人 " + other.username());

        act(clerk, number, "annulment", Map.of("opinion", "申请人信息登记错误"));
        assertThat(clerk.page("/admin/cases/" + number).body()).contains("临时救助申请（已作废）")
                .contains("申请人信息登记错误").doesNotContain("id=\"annul-form\"");
    }

    @Test
    void theReviewerRequestsAnExtensionAndTheApproverGrantsIt() {
        String number = submitted();
        act(StaffLogin.session(context, port, "ft-clerk"), number, "accept", Map.of());
        StaffLogin.Session reviewer = StaffLogin.session(port, StaffLogin.create(context, "ft574-reviewer",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.REVIEWER)));
        String page = reviewer.page("/admin/cases/" + number).body();
        assertThat(page).contains("id=\"extension-request-form\"").doesNotContain("id=\"extension-form\"")
                .contains("id=\"pause-form\"");
        HttpResponse<String> tooMany = reviewer.postForm("/admin/cases/" + number + "/extension-requests",
                Map.of("version", version(reviewer, number), "days", "12", "opinion", "需补充调查"));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.body()).contains("id=\"action-error\"");
        act(reviewer, number, "extension-requests", Map.of("days", "4", "opinion", "需入户调查核实"));

        StaffLogin.Session approver = StaffLogin.session(port, StaffLogin.create(context, "ft574-approver",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.APPROVER)));
        String queue = approver.page("/admin/cases").body();
        assertThat(queue).contains("未读消息").contains(number + " 的审查人员申请延期 4 个工作日");
        Matcher read = Pattern.compile("/admin/cases/messages/(\\d+)/read").matcher(queue);
        assertThat(read.find()).isTrue();
        assertThat(approver.postForm(read.group(), Map.of()).statusCode()).isEqualTo(302);
        assertThat(approver.page("/admin/cases").body()).doesNotContain(number + " 的审查人员申请延期");
        page = approver.page("/admin/cases/" + number).body();
        assertThat(page).contains("申请延期 4 个工作日：需入户调查核实").contains("name=\"days\" type=\"number\"")
                .contains("value=\"4\"").doesNotContain("id=\"extension-request-form\"");
        act(approver, number, "extensions", Map.of("days", "4", "opinion", "需入户调查核实"));
        page = approver.page("/admin/cases/" + number).body();
        assertThat(page).doesNotContain("id=\"extension-request\"").contains("本次最多 6 日");
    }

    @Test
    void aDepartmentAdministratorDeletesADuplicateOnThePage() {
        String number = submitted();
        StaffLogin.Session admin = StaffLogin.session(port, StaffLogin.create(context, "ft574-admin",
                RELIEF_DEPARTMENT, DivisionCode.of("440304"), Set.of(StaffRole.DEPARTMENT_ADMIN)));
        HttpResponse<String> noReason = admin.postForm("/admin/cases/" + number + "/deletion",
                Map.of("version", version(admin, number)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"action-error\"");
        act(admin, number, "deletion", Map.of("opinion", "重复申报"));
        assertThat(admin.page("/admin/cases/" + number).body()).contains("临时救助申请（已删除）").contains("重复申报");
    }

    private String submitted() {
        Applicant zhao = new Applicant(profiles.findByIdNumber(IdNumber.of("44030719920611004X")).orElseThrow()
                .person(), null);
        DraftView draft = applications.createDraft(zhao, new Applications.DraftInput(RELIEF, Map.of(
                "hardship", "急难型（火灾、交通事故、突发重大疾病等）", "householdSize", "3", "description", "家中失火"),
                Map.of()));
        applications.uploadToDraft(zhao, draft.draftId(), "m1", "身份证.pdf", PDF);
        applications.uploadToDraft(zhao, draft.draftId(), "m2", "证明.pdf", PDF);
        return applications.submit(zhao, new Applications.Submission(draft.draftId(), null, null, null),
                UUID.randomUUID().toString()).caseNumber();
    }

    private static String version(StaffLogin.Session staff, String number) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(staff.page("/admin/cases/" + number).body());
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String act(StaffLogin.Session staff, String number, String action, Map<String, String> form) {
        String page = staff.page("/admin/cases/" + number).body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).as(action).isTrue();
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        fields.put("version", version.group(1));
        HttpResponse<String> answer = staff.postForm("/admin/cases/" + number + "/" + action, fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }
}
