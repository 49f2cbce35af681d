package org.yiwang.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.BrowserTest;
import org.yiwang.IntegrationTest;
import org.yiwang.catalog.ItemSearch;
import org.yiwang.identity.StaffLogin;
import org.yiwang.portal.admin.PlatformAdminPagesTest;

/** The portal and the admin console in a real Chromium, against the whole platform with its demo data. */
@IntegrationTest
class PortalBrowserTest extends BrowserTest {

    private static final String SOCIAL_SECURITY_CARD = "11440300007542144J2000108000000";
    private static final String SPECIAL_EQUIPMENT = "11440300MB2C9226100100132000000";
    private static final String FOOD_LICENCE = "11440300MB2C9226100100129000000";

    @Autowired
    ItemSearch search;
    @Autowired
    ApplicationContext application;

    @BeforeEach
    void waitForTheSearchIndex() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!search.ready() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    @Test
    void citizenFindsTheSocialSecurityCardAndReadsItsGuide() {
        page.navigate(url("/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home.png")).setFullPage(true));

        page.getByLabel("搜索办事事项").fill("社保卡");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/search\\?q=.*"));
        Locator result = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("社会保障卡申领"));
        assertThat(result.first()).isVisible();
        result.first().click();

        assertThat(page).hasURL(url("/items/" + SOCIAL_SECURITY_CARD));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("社会保障卡申领").setLevel(1)))
                .isVisible();
        assertThat(page.locator("#time-limits")).hasText("法定办结时限 20个工作日 / 承诺办结时限 10个工作日");
        Locator materials = page.locator("section[aria-labelledby=materials] table");
        assertThat(materials.first()).containsText("申请人居民身份证");
        assertThat(materials.first()).containsText("近期免冠证件照片");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("在线申报"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("guide.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("在线申报")).click();
        assertThat(page).hasURL(url("/account/login"));
    }

    @Test
    void departmentAdminEditsPublishesAndThePublicSeesTheChange() {
        page.navigate(url("/search?q=扶梯码"));
        assertThat(page.locator("#results-heading")).containsText("共找到 0 项");

        login("scjg-admin");
        page.navigate(url("/admin/items/" + SPECIAL_EQUIPMENT + "/edit"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-form.png")).setFullPage(true));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-form-top.png")));
        page.locator("section[aria-labelledby=sec-materials]").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("admin-form-materials.png")));
        page.getByLabel("承诺办结时限 数值").fill("4");
        Locator keywords = page.getByLabel("搜索关键词");
        keywords.fill(keywords.inputValue() + "，扶梯码");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已保存草稿");
        page.navigate(url("/items/" + SPECIAL_EQUIPMENT));
        assertThat(page.locator("#time-limits")).containsText("承诺办结时限 5个工作日");

        page.navigate(url("/admin/items/" + SPECIAL_EQUIPMENT));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已发布");

        page.navigate(url("/items/" + SPECIAL_EQUIPMENT));
        assertThat(page.locator("#time-limits")).hasText("法定办结时限 15个工作日 / 承诺办结时限 4个工作日");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        do {
            page.navigate(url("/search?q=扶梯码"));
        } while (page.locator("#results-heading").textContent().contains("共找到 0 项")
                && Instant.now().isBefore(deadline));
        assertThat(page.locator("#results-heading")).containsText("共找到 1 项");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("特种设备使用登记"))).isVisible();
    }

    @Test
    void promisedLongerThanStatutoryIsRefusedInChineseAndChangesNothing() {
        login("scjg-admin");
        page.navigate(url("/admin/items/" + FOOD_LICENCE + "/edit"));
        page.getByLabel("承诺办结时限 数值").fill("30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("承诺办结时限（30个工作日）不得超过法定办结时限（10个工作日）");
        assertThat(page.locator("#f-promisedLimit-err")).containsText("不得超过法定办结时限");
        assertThat(page.getByLabel("承诺办结时限 数值")).hasValue("30");
        page.locator("section[aria-labelledby=sec-limits]").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("admin-form-error.png")));

        page.navigate(url("/admin/items/" + FOOD_LICENCE));
        assertThat(page.locator("main")).not().containsText("有待发布的修改");
        page.navigate(url("/items/" + FOOD_LICENCE));
        assertThat(page.locator("#time-limits")).hasText("法定办结时限 10个工作日 / 承诺办结时限 3个工作日");
    }

    @Test
    void homePageFitsASmallPhoneWithoutHorizontalScrolling() {
        page.setViewportSize(375, 812);
        for (String path : List.of("/", "/items/" + SOCIAL_SECURITY_CARD, "/search?q=营业执照")) {
            page.navigate(url(path));
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", path).isLessThanOrEqualTo(0);
        }
        page.navigate(url("/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-375.png")).setFullPage(true));
    }

    @Test
    void skipLinkIsTheFirstStopAndMovesToTheMainContent() {
        page.navigate(url("/"));
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("跳到主要内容"));
        assertThat(skip).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*#main$"));
    }

    @Test
    void platformAdminLoadsAYearAndSeesItListed() {
        login("admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("平台管理")).click();
        assertThat(page).hasURL(url("/admin/calendar"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作日历").setLevel(1)))
                .isVisible();
        assertThat(page.locator("#loaded-years")).not().containsText("2031年");

        page.getByLabel("年份", new Page.GetByLabelOptions().setExact(true)).fill("2031");
        page.getByLabel("安排文件（JSON）").setInputFiles(new FilePayload("2031.json", "application/json",
                PlatformAdminPagesTest.schedule(2031, "元旦,2031-01-01,true", "春节,2031-01-04,false",
                        "春节,2031-01-23,true", "春节,2031-01-24,true").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加载").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已加载2031年的法定节假日安排：放假日3天，调休上班日1天。");
        Locator row = page.locator("#loaded-years tr", new Page.LocatorOptions().setHasText("2031年"));
        assertThat(row).containsText("管理员上传");
        assertThat(row).containsText("admin");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-calendar.png")).setFullPage(true));

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("2031年")).click();
        assertThat(page.locator("#holidays")).containsText("1月23日（周四）至1月24日（周五）");
        assertThat(page.locator("#holidays")).containsText("1月4日（周六）");
        page.navigate(url("/admin/calendar/2026"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-calendar-year.png")).setFullPage(true));

        page.navigate(url("/admin/calendar"));
        page.getByLabel("年份", new Page.GetByLabelOptions().setExact(true)).fill("2032");
        page.getByLabel("安排文件（JSON）").setInputFiles(new FilePayload("2032.json", "application/json",
                PlatformAdminPagesTest.schedule(2033, "元旦,2033-01-01,true").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加载").setExact(true)).click();
        assertThat(page.locator("#f-file-err")).containsText("安排中的年份“2033”与要加载的年份2032不一致");
        assertThat(page.locator("#form-errors")).isFocused();
        page.locator("section[aria-labelledby=load-heading]").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("admin-calendar-error.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("部门管理")).click();
        page.getByLabel("层级").selectOption("COUNTY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/departments\\?level=COUNTY.*"));
        assertThat(page.locator("main h2")).containsText("县级（");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-departments.png")).setFullPage(true));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增部门")).click();
        page.getByLabel("统一社会信用代码").fill("91350100M000100Y44");
        page.getByLabel("行政区划", new Page.GetByLabelOptions().setExact(true)).fill("440304");
        assertThat(page.locator("#region-name")).hasText("区划名称：广东省 深圳市 福田区");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#f-creditCode-err")).containsText("统一社会信用代码“91350100M000100Y44”无效");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-department-form.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("留痕校验")).click();
        assertThat(page.locator("#integrity-result")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-integrity.png")).setFullPage(true));
        page.navigate(url("/admin/items/" + SOCIAL_SECURITY_CARD + "/history"));
        assertThat(page.locator("#chain-status")).containsText("留痕完整，未被篡改");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-history.png")));
    }

    /** Logs a fresh copy of the demo account in, from the console's redirect to the login page. */
    private void login(String demoAccount) {
        page.navigate(url("/admin"));
        assertThat(page).hasURL(url("/login"));
        StaffLogin.browser(application, page, url(""), demoAccount);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin(\\?continue)?$"));
    }
}
