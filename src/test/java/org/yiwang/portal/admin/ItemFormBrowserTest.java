package org.yiwang.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.ItemContent;
import org.yiwang.identity.StaffLogin;
import tools.jackson.databind.json.JsonMapper;

/** Adding and removing application-form rows on the item edit page in Chromium, with the site's own script. */
@IntegrationTest
class ItemFormBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext application;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void staffAddRemoveAndSaveFormFields() {
        String code = "11440300MB2C922610" + "7%012d".formatted(System.nanoTime() % 1_000_000_000_000L);
        logIn("scjg-admin");
        page.navigate(url("/admin/items/new"));
        page.getByLabel("事项名称").fill("食品经营许可（浏览器表单测试）");
        page.getByLabel("实施编码").fill(code);
        page.getByLabel("基本编码").fill("000201001");
        page.getByLabel("事项类型").selectOption("LICENSING");
        page.getByLabel("行使层级").selectOption("CITY");
        page.getByLabel("设定依据").fill("《中华人民共和国食品安全法》第三十五条");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("企业法人")).check();
        page.getByLabel("材料名称").fill("食品经营许可申请书");

        Locator section = page.locator("section[aria-labelledby=sec-form]");
        Locator add = section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("添加表单字段"));
        for (int i = 0; i < 3; i++) {
            add.click();
        }
        Locator rows = section.locator(".row-card");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(2).getByLabel("字段名称")).isFocused();
        assertThat(rows.nth(2).getByLabel("字段标识")).hasValue("f3");

        rows.nth(0).getByLabel("字段名称").fill("企业名称");
        rows.nth(0).getByLabel("自动填入").selectOption("ENTERPRISE_NAME");
        rows.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("删除")).click();
        assertThat(rows).hasCount(2);
        rows.nth(1).getByLabel("字段名称").fill("主体业态");
        rows.nth(1).getByLabel("字段标识").fill("kind");
        rows.nth(1).getByLabel("字段类型").selectOption("SELECT");
        rows.nth(1).getByLabel("必填").check();
        rows.nth(1).getByLabel("选项（仅选项类型，每行一个）").fill("食品销售经营者\n餐饮服务经营者");
        section.getByLabel("网上申请先经预审，再由窗口受理").check();
        section.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-form-fields.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已创建事项“食品经营许可（浏览器表单测试）”");
        ItemContent saved = json.readValue(jdbc.sql("select content::text from catalog_item_version where code = ?")
                .param(code).query(String.class).single(), ItemContent.class);
        assertThat(saved.preReview()).isTrue();
        assertThat(saved.applicationForm().fields()).extracting(FormField::key, FormField::type, FormField::prefill)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f1", FormField.Type.TEXT, FormField.Prefill.ENTERPRISE_NAME),
                        org.assertj.core.groups.Tuple.tuple("kind", FormField.Type.SELECT, null));
        assertThat(saved.applicationForm().fields().get(1).options()).containsExactly("食品销售经营者", "餐饮服务经营者");
        assertThat(saved.applicationForm().fields().get(1).required()).isTrue();
    }

    @Test
    void visitorsChooseSituationsOnTheGuide() {
        page.navigate(url("/items/1144030500755089XE0500115000000"));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("是 需补充提交：残疾人证")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看需要提交的材料")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("请回答“是否委托他人代办？”");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("本人办理")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看需要提交的材料")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*s\\.disabled=yes.*#situation-result$"));
        assertThat(page.locator("#situation-result")).containsText("需要提交以下材料（共 4 项）");
        page.locator("section[aria-labelledby=situations]").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("guide-situations.png")));
        page.locator("section[aria-labelledby=application-form]").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("guide-form.png")));
    }

    private void logIn(String template) {
        StaffLogin.browser(application, page, url(""), template);
        page.waitForURL(url("/admin"));
    }
}
