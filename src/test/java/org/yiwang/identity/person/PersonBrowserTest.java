package org.yiwang.identity.person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;

/** A citizen registers, finds their account, logs out and logs in again, in a real Chromium. */
@IntegrationTest
class PersonBrowserTest extends BrowserTest {

    /** In the demo population, not pre-registered. */
    private static final String ID_NUMBER = "440303198809200052";
    private static final String MOBILE = "13900000005";
    private static final String PASSWORD = "Xiaoming2026";

    @Test
    void registersWithAnSmsCodeSeesTheMaskedIdNumberLogsOutAndLogsInAgain() {
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("注册").setExact(true)).click();
        assertThat(page).hasURL(url("/account/register"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-register.png"))
                .setFullPage(true));

        page.getByLabel("身份证号码", new Page.GetByLabelOptions().setExact(true)).fill(ID_NUMBER);
        page.getByLabel("姓名").fill("陈晓明");
        page.getByLabel("手机号码").fill(MOBILE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
        assertThat(page.locator("#sms-status")).containsText("验证码已发送至 139****0005");

        Page outbox = context.newPage();
        outbox.navigate(url("/dev/sms-outbox"));
        Locator row = outbox.locator("#sms-outbox tbody tr").filter(new Locator.FilterOptions().setHasText("139****0005"))
                .first();
        Matcher code = Pattern.compile("验证码为 (\\d{6})").matcher(row.textContent());
        assertThat(code.find()).isTrue();
        outbox.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sms-outbox.png")));
        outbox.close();

        page.getByLabel("短信验证码").fill(code.group(1));
        page.getByLabel("设置密码").fill(PASSWORD);
        page.getByLabel("确认密码").fill(PASSWORD);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-register-filled.png"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("注册").setExact(true)).click();

        assertThat(page).hasURL(url("/account?registered"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我的账户").setLevel(1)))
                .isVisible();
        assertThat(page.locator("#person-id-number")).hasText("440303********0052");
        assertThat(page.locator("#person-level")).hasText("3级 · 实名核验");
        assertThat(page.locator("header")).containsText("陈晓明 · 我的账户");
        assertThat(page.content()).doesNotContain(ID_NUMBER).doesNotContain(MOBILE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-home.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
        assertThat(page).hasURL(url("/account/login?logout"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("您已安全退出");
        assertThat(page.locator("header")).not().containsText("陈晓明");

        page.getByLabel("身份证号码或手机号码").fill(ID_NUMBER);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-login.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page).hasURL(url("/account"));
        assertThat(page.locator("#login-history tbody tr")).hasCount(2);
        assertThat(page.locator("#login-history tbody tr").first()).containsText("密码");
        assertThat(page.locator("#login-history tbody tr").last()).containsText("注册");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-history.png"))
                .setFullPage(true));
    }

    @Test
    void registerAndLoginPagesFitASmallPhone() {
        page.setViewportSize(375, 812);
        for (String path : List.of("/account/register", "/account/login?method=sms", "/")) {
            page.navigate(url(path));
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", path).isLessThanOrEqualTo(0);
        }
        page.navigate(url("/account/login?method=sms"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-login-sms-375.png"))
                .setFullPage(true));
    }
}
