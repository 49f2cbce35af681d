package org.yiwang.license;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;
import org.yiwang.cases.Workbench;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * A marriage registration completes at the window; 张三 finds the 结婚证 in 我的证照, downloads it, has it verified on the
 * public page and applies for 生育登记 without handing in the marriage certificate (免提交).
 */
@IntegrationTest
class LicenseBrowserTest extends BrowserTest {

    @Autowired
    Workbench workbench;

    @Test
    void aCompletedCaseGivesALicenceTheCitizenDownloadsVerifiesAndReuses() throws Exception {
        Staff clerk = new Staff("lb-clerk", "测试窗口人员", CreditCode.of(LicenseTestBase.FUTIAN_CIVIL),
                DivisionCode.of("440304"), Set.of(StaffRole.WINDOW_CLERK));
        var registered = workbench.registerWalkIn(clerk, new Workbench.WalkIn(LicenseTestBase.MARRIAGE_ITEM, "张三",
                LicenseTestBase.ZHANG_SAN, "13700000001", Map.of("partnerName", "李娜", "partnerIdNumber",
                        LicenseTestBase.LI_NA, "appointmentDate", "2026-05-20"), Map.of("military", "no"),
                List.of("m1", "m2", "m3")), UUID.randomUUID().toString());
        workbench.accept(clerk, registered.caseNumber(), null, "当场登记");

        page.navigate(url("/account/login"));
        page.getByLabel("身份证号码或手机号码").fill("13700000001");
        page.getByLabel("密码").fill("Citizen@2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL(url("/account"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看我的电子证照")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中华人民共和国结婚证")).first().click();
        assertThat(page.locator("#licence-details")).containsText("李娜");
        assertThat(page.locator("#licence-status")).hasText("有效");
        Download download = page.waitForDownload(() -> page.locator("#licence-download").click());
        byte[] ofd = Files.readAllBytes(download.path());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("licence-wallet.png")).setFullPage(true));

        page.navigate(url("/licenses/verify"));
        page.getByLabel("电子证照文件（OFD）").setInputFiles(new FilePayload("结婚证.ofd", "application/ofd", ofd));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验文件")).click();
        assertThat(page.locator("#verdict-heading")).hasText("证照有效");
        assertThat(page.locator("#verify-checks")).containsText("电子印章验证通过");
        assertThat(page.locator("#verify-status")).hasText("有效");
        assertThat(page.locator("#verify-licence")).containsText("张*");
        assertThat(page.locator("#verify-signatures")).containsText("深圳市福田区民政局");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("licence-verified.png")).setFullPage(true));

        page.navigate(url("/account/apply/" + LicenseReuseTest.BIRTH_REGISTRATION));
        page.getByLabel("夫妻双方居民身份证（必需）").setInputFiles(new FilePayload("身份证.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申报")).click();
        assertThat(page.locator("#submitted-notice")).isVisible();
        assertThat(page.locator("#case-materials")).containsText("结婚证：电子证照（免提交，可信度A级）");
    }
}
