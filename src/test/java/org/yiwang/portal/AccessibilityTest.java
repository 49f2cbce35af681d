package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.Chromium;
import org.yiwang.IntegrationTest;
import org.yiwang.cases.Applications;
import org.yiwang.cases.DraftView;
import org.yiwang.cases.Workbench;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.staff.Totp;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.IdNumber;

/**
 * Every kind of page passes axe-core's WCAG 2.1 A and AA rules (contrast, labels, landmarks, names of links and
 * buttons, language), in Chinese and in English, at desktop and phone width.
 */
@IntegrationTest
class AccessibilityTest {

    private static final String AXE_VERSION = "4.6.3";
    private static Chromium chromium;
    private static String axe;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;
    @Autowired
    Applications applications;
    @Autowired
    PersonProfiles profiles;
    @Autowired
    Workbench workbench;

    @BeforeAll
    static void launch() throws IOException {
        chromium = Chromium.launch();
        try (InputStream in = AccessibilityTest.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js")) {
            assertThat(in).as("axe-core webjar on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=营业执照", "/search?theme=SOCIAL_SECURITY&audience=PERSON",
            "/items/11440300007542144J2000108000000", "/departments", "/departments/11440300MB2C922610",
            "/items/NOPE", "/login", "/?lang=en", "/items/11440300007542144J2000108000000?lang=en",
            "/account/login", "/account/login?method=sms", "/account/register", "/account/reset", "/dev/staff-codes",
            "/items/11440304007550312P0700114001000?s.military=yes&show=1",
            "/items/1144030500755089XE0500115000000?s.disabled=yes&show=1",
            "/items/1144030500755089XE0500115000000?lang=en", "/progress", "/licenses/verify",
            "/licenses/verify?id=1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
            "/licenses/shared"})
    void publicPagesHaveNoViolations(String path) {
        for (int width : new int[] {1280, 375}) {
            try (BrowserContext context = newContext(width)) {
                Page page = context.newPage();
                page.navigate(url(path));
                assertThat(violations(page)).as("%s at %d px", path, width).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/items/new", "/admin/items/11440300MB2C9226100100132000000/edit",
            "/admin/items/11440300MB2C9226100100132000000", "/admin/items/11440300MB2C9226100100132000000/history",
            "/admin/calendar", "/admin/departments", "/admin/integrity", "/admin/staff",
            "/admin/staff?department=11440304007550312P", "/admin/staff/new", "/admin/staff/ft-clerk", "/admin/me",
            "/admin/clients", "/admin/clients/new", "/admin/clients/dept-system", "/admin/cases",
            "/admin/cases?queue=ALL", "/admin/seals", "/admin/seals/11440304007550312P03001/uses",
            "/admin/licenses", "/admin/licenses/new?type=11100000MB0143028R002", "/admin/license-types",
            "/admin/license-types/11100000000013186G001", "/admin/license-types/new",
            "/admin/license-types/11100000000013186G001/edit"})
    void adminPagesHaveNoViolations(String path) {
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            StaffLogin.browser(application, page, url(""), "admin");
            page.navigate(url(path));
            assertThat(violations(page)).as(path).isEmpty();
        }
    }

    /** The login steps (code, enrolment, forced password change) and the answer to a new account. */
    @org.junit.jupiter.api.Test
    void staffLoginStepsHaveNoViolations() {
        String username = "a11y-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String temporary;
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            StaffLogin.Account admin = StaffLogin.like(application, "ft-admin");
            page.navigate(url("/login"));
            page.getByLabel("用户名").fill(admin.username());
            page.getByLabel("密码").fill(admin.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步")).click();
            page.waitForURL(url("/login/code"));
            assertThat(violations(page)).as("code").isEmpty();
            page.getByLabel("动态验证码").fill(admin.code());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForURL(url("/admin"));

            page.navigate(url("/admin/staff/new"));
            page.getByLabel("用户名").fill(username);
            page.getByLabel("姓名").fill("无障碍测试");
            page.getByLabel("窗口人员").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建账号")).click();
            temporary = page.locator("#temporary-password code").textContent().strip();
            assertThat(violations(page)).as("created").isEmpty();
        }
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("用户名").fill(username);
            page.getByLabel("密码").fill(temporary);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步")).click();
            page.waitForURL(url("/login/enrol"));
            assertThat(violations(page)).as("enrol").isEmpty();
            String secret = page.locator("#totp-secret").textContent().replace(" ", "");
            page.getByLabel("输入应用显示的6位数字").fill(Totp.code(secret, Instant.now()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成绑定")).click();
            page.waitForURL(url("/login/password"));
            assertThat(violations(page)).as("password").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void citizenAccountPageHasNoViolations() {
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            page.navigate(url("/account/login"));
            page.getByLabel("身份证号码或手机号码").fill("13700000002");
            page.getByLabel("密码").fill("Citizen@2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForURL(url("/account"));
            assertThat(violations(page)).isEmpty();
            page.navigate(url("/account/licenses"));
            assertThat(violations(page)).as("我的证照").isEmpty();

            page.navigate(url("/account/enterprises"));
            page.getByLabel("统一社会信用代码").fill("91440305MA5H2D8Q1B");
            page.getByLabel("企业名称").fill("深圳市南山海岸餐饮管理有限公司");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领").setExact(true)).click();
            page.waitForURL(url("/account/enterprises?claimed"));
            assertThat(violations(page)).as("我的企业").isEmpty();
            page.navigate(url("/account/enterprises/91440305MA5H2D8Q1B/agents"));
            assertThat(violations(page)).as("经办人管理").isEmpty();
        }
    }

    /**
     * The application page (also refused), 我的办件, a case as its applicant and as the clerk sees it, a correction of
     * form fields, the messages.
     */
    @org.junit.jupiter.api.Test
    void casePagesHaveNoViolations() {
        String relief = "11440304007550574F0500117000000";
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            page.navigate(url("/account/login"));
            page.getByLabel("身份证号码或手机号码").fill("13700000004");
            page.getByLabel("密码").fill("Citizen@2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForURL(url("/account"));
            page.navigate(url("/account/apply/" + relief));
            assertThat(violations(page)).as("在线申报").isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申报")).click();
            page.waitForSelector("#form-errors");
            assertThat(violations(page)).as("在线申报, refused").isEmpty();
            page.navigate(url("/account/apply/11440304007550312P0700114001000"));
            assertThat(violations(page)).as("在线申报 with situations").isEmpty();

            Applicant zhao = new Applicant(profiles.findByIdNumber(IdNumber.of("44030719920611004X")).orElseThrow()
                    .person(), null);
            DraftView draft = applications.createDraft(zhao, new Applications.DraftInput(relief, Map.of(
                    "hardship", "急难型（火灾、交通事故、突发重大疾病等）", "householdSize", "2", "description", "突发疾病"),
                    Map.of()));
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            applications.uploadToDraft(zhao, draft.draftId(), "m1", "身份证.pdf", pdf);
            applications.uploadToDraft(zhao, draft.draftId(), "m2", "证明.pdf", pdf);
            String number = applications.submit(zhao, new Applications.Submission(draft.draftId(), null, null, null),
                    null).caseNumber();
            page.navigate(url("/account/cases"));
            assertThat(violations(page)).as("我的办件").isEmpty();
            page.navigate(url("/account/cases/" + number + "?submitted"));
            assertThat(violations(page)).as("办件详情").isEmpty();

            try (BrowserContext staffContext = newContext(1280)) {
                Page staff = staffContext.newPage();
                StaffLogin.browser(application, staff, url(""), "ft-clerk");
                staff.navigate(url("/admin/cases/" + number));
                assertThat(violations(staff)).as("工作台办件").isEmpty();
                staff.getByLabel("申请表：共同生活家庭成员人数").fill("人数与户口簿不符");
                staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发出补正告知")).click();
                staff.waitForSelector("#action-done");
            }
            page.navigate(url("/account/cases/" + number));
            page.waitForSelector("#correction-fields");
            assertThat(violations(page)).as("办件详情, correction of form fields and unread messages").isEmpty();
            page.navigate(url("/account/messages"));
            assertThat(violations(page)).as("我的消息").isEmpty();
        }
    }

    /** 使用电子证照（免提交）: the choice on the apply page and the licence material on the workbench case page. */
    @org.junit.jupiter.api.Test
    void licenceMaterialPagesHaveNoViolations() {
        String birth = "11440300MB2C92501T2000112000000";
        Staff window = new Staff("a11y-window", "福田区综合窗口人员", CreditCode.of("11440304007550312P"),
                DivisionCode.of("440304"), Set.of(StaffRole.WINDOW_CLERK));
        String marriage = workbench.registerWalkIn(window, new Workbench.WalkIn("11440304007550312P0700114001000",
                "张三", "440304198503120013", "13700000001", Map.of("partnerName", "李娜", "partnerIdNumber",
                        "440305199007180026", "appointmentDate", "2026-05-20"), Map.of("military", "no"),
                List.of("m1", "m2", "m3")), null).caseNumber();
        workbench.accept(window, marriage, null, "材料齐全，当场登记");
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            page.navigate(url("/account/login"));
            page.getByLabel("身份证号码或手机号码").fill("440304198503120013");
            page.getByLabel("密码").fill("Citizen@2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForURL(url("/account"));
            page.navigate(url("/account/apply/" + birth));
            page.waitForSelector(".licence-choice");
            assertThat(violations(page)).as("在线申报, 使用电子证照").isEmpty();
        }
        Applicant zhang = new Applicant(profiles.findByIdNumber(IdNumber.of("440304198503120013")).orElseThrow()
                .person(), null);
        DraftView draft = applications.createDraft(zhang, new Applications.DraftInput(birth, Map.of(), Map.of()));
        applications.uploadToDraft(zhang, draft.draftId(), "m1", "身份证.pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        String licence = applications.draft(zhang, draft.draftId()).materials().stream()
                .filter(m -> m.key().equals("m2")).findFirst().orElseThrow().licenceChoices().get(0).identifier();
        applications.useLicenceInDraft(zhang, draft.draftId(), "m2", licence);
        String number = applications.submit(zhang, new Applications.Submission(draft.draftId(), null, null, null),
                null).caseNumber();
        try (BrowserContext staffContext = newContext(1280)) {
            Page staff = staffContext.newPage();
            StaffLogin.browser(application, staff, url(""), "wsjk-admin");
            staff.navigate(url("/admin/cases/" + number));
            staff.waitForSelector(".licence-verification");
            assertThat(violations(staff)).as("工作台办件, 电子证照材料").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void passwordResetPagesHaveNoViolations() {
        try (BrowserContext context = newContext(1280)) {
            Page page = context.newPage();
            page.navigate(url("/account/reset"));
            page.getByLabel("身份证号码").fill("440303198809200052");
            page.getByLabel("注册时使用的手机号码").fill("15999990001");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
            page.waitForURL(url("/account/reset/password"));
            assertThat(violations(page)).as("设置新密码").isEmpty();
            page.getByLabel("短信验证码").fill("000000");
            page.getByLabel("新密码").fill("Reset2026new");
            page.getByLabel("确认密码").fill("Reset2026new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重置密码")).click();
            assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("短信验证码不正确");
            assertThat(violations(page)).as("设置新密码, refused").isEmpty();
        }
    }

    private BrowserContext newContext(int width) {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 900)
                .setLocale("zh-CN"));
    }

    /** axe-core runs through the DevTools protocol, so the pages' Content-Security-Policy does not block it. */
    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        page.evaluate(axe);
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
                    .violations.map(v => ({id: v.id, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))""");
        List<String> described = new ArrayList<>();
        found.forEach(v -> described.add(v.get("id") + ": " + v.get("help") + " at " + v.get("nodes")));
        return described;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
