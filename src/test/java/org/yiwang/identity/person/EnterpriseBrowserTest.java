package org.yiwang.identity.person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;

/** 张三 claims one of his companies, switches into it on 我的账户 and back, in a real Chromium. */
@IntegrationTest
class EnterpriseBrowserTest extends BrowserTest {

    @Test
    void theRepresentativeSwitchesIntoHisCompanyAndSeesItInTheHeader() {
        page.navigate(url("/account/login"));
        page.getByLabel("身份证号码或手机号码").fill("440304198503120013");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Citizen@2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page).hasURL(url("/account"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的企业与经办人管理")).click();
        page.getByLabel("统一社会信用代码").fill(EnterpriseAccountHttpTest.QIANHAI);
        page.getByLabel("企业名称").fill(EnterpriseAccountHttpTest.QIANHAI_NAME);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("企业认领成功");
        assertThat(page.locator("#actable-enterprises")).containsText(EnterpriseAccountHttpTest.QIANHAI_NAME);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-enterprises.png"))
                .setFullPage(true));

        page.navigate(url("/account"));
        page.getByLabel("可代表办事的企业").selectOption(new SelectOption()
                .setLabel(EnterpriseAccountHttpTest.QIANHAI_NAME + "（法定代表人）"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("切换到企业身份")).click();
        assertThat(page.locator("header #acting-for"))
                .hasText(EnterpriseAccountHttpTest.QIANHAI_NAME + " · 代办（法定代表人）");
        assertThat(page.locator("#acting-status")).containsText(EnterpriseAccountHttpTest.QIANHAI_NAME);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("account-acting.png"))
                .setFullPage(true));
        page.navigate(url("/"));
        assertThat(page.locator("header #acting-for")).containsText(EnterpriseAccountHttpTest.QIANHAI_NAME);

        page.navigate(url("/account"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("切换回个人身份")).click();
        assertThat(page.locator("header #acting-for")).hasCount(0);
        assertThat(page.locator("header")).containsText("张三 · 我的账户");
    }
}
