package org.yiwang.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** A case from the citizen's application through the workbench of each role to the citizen's timeline. */
@IntegrationTest
class CasesBrowserTest extends BrowserTest {

    /** 临时救助申请 of a 福田 department (…574F): promised case, no situations, materials m1 and m2. */
    private static final String RELIEF = "11440304007550574F0500117000000";
    private static final CreditCode RELIEF_DEPARTMENT = CreditCode.of("11440304007550574F");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ApplicationContext application;

    @Test
    void citizenAppliesAndStaffHandleTheCaseToCompletion() {
        page.navigate(url("/items/" + RELIEF));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("在线申报")).click();
        assertThat(page).hasURL(url("/account/login"));
        page.getByLabel("身份证号码或手机号码").fill("13700000003");
        page.getByLabel("密码").fill("Citizen@2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL(u -> u.contains("/account/apply/" + RELIEF));
        assertThat(page.locator("#applicant-info")).containsText("440306********0033");

        page.getByLabel("困难类型（必填）").selectOption("急难型（火灾、交通事故、突发重大疾病等）");
        page.getByLabel("共同生活家庭成员人数（必填）").fill("3");
        page.getByLabel("困难情况说明（必填）").fill("家中突发火灾，生活困难。");
        page.getByLabel("申请人居民身份证（必需）").setInputFiles(new FilePayload("身份证.pdf", "application/pdf", PDF));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申报")).click();
        assertThat(page.locator("#form-errors")).containsText("申报未提交");
        assertThat(page.locator("main")).containsText("缺少申请材料");
        assertThat(page.locator("main")).containsText("已上传：身份证.pdf");
        page.getByLabel("遭遇突发事件、意外事故或重大疾病等的证明（必需）")
                .setInputFiles(new FilePayload("证明.pdf", "application/pdf", PDF));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申报")).click();
        assertThat(page.locator("#submitted-notice")).isVisible();
        String number = page.locator("#case-number").textContent().strip();
        assertThat(page.locator("#query-code")).not().isEmpty();
        assertThat(page.locator("#case-state")).hasText("待受理");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-submitted.png")).setFullPage(true));

        asStaff(StaffLogin.like(application, "ft-clerk"), number, "受理", null);
        asStaff(StaffLogin.create(application, "ft574-reviewer", RELIEF_DEPARTMENT, DivisionCode.of("440304"),
                Set.of(StaffRole.REVIEWER)), number, "审查完成", "审查意见");
        asStaff(StaffLogin.create(application, "ft574-approver", RELIEF_DEPARTMENT, DivisionCode.of("440304"),
                Set.of(StaffRole.APPROVER)), number, "作出决定", null);
        asStaff(StaffLogin.like(application, "ft-clerk"), number, "办结", null);

        page.navigate(url("/account/cases"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
        assertThat(page.locator("#case-state")).hasText("已办结");
        assertThat(page.locator("#case-result")).containsText("办结");
        assertThat(page.locator("#timeline")).containsText("提交申报");
        assertThat(page.locator("#timeline")).containsText("受理");
        assertThat(page.locator("#timeline")).containsText("办结");
        assertThat(page.locator("#case-messages")).containsText("已办结");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-completed.png")).setFullPage(true));
    }

    /** Logs the member in in a browser context of their own and presses the action's button on the case. */
    private void asStaff(StaffLogin.Account account, String number, String button, String opinionLabel) {
        try (BrowserContext staffContext = browser().newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"))) {
            Page staff = staffContext.newPage();
            StaffLogin.browser(staff, url(""), account);
            staff.navigate(url("/admin/cases"));
            staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
            if (opinionLabel != null) {
                staff.getByLabel(opinionLabel).fill("符合条件");
            }
            staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
            assertThat(staff.locator("#action-done")).isVisible();
        }
    }
}
