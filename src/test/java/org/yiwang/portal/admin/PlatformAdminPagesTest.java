package org.yiwang.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.WebApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.calendar.CalendarAdministration;
import org.yiwang.calendar.LoadedYear;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.StaffLogin;
import org.yiwang.shared.CreditCode;

/**
 * The platform-administration pages: who may open them (over HTTP, with the real login), loading a year's holiday
 * schedule from a file, departments, and the change-record check on the history and integrity pages.
 */
@IntegrationTest
public class PlatformAdminPagesTest {

    private static final List<String> PLATFORM_PAGES = List.of("/admin/calendar", "/admin/calendar/2026",
            "/admin/departments", "/admin/departments/new", "/admin/integrity");

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CalendarAdministration calendarAdministration;
    @Autowired
    Departments departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockMvc mvc;
    private UserDetails admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        admin = accounts.loadUserByUsername("admin");
    }

    @Test
    void visitorsAreSentToTheLoginPage() throws Exception {
        for (String path : PLATFORM_PAGES) {
            HttpResponse<String> page = send(request(path, null).build());
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void departmentAdministratorsGetTheChinese403PageAndNoPlatformMenu() throws Exception {
        String session = logIn("scjg-admin");
        for (String path : PLATFORM_PAGES) {
            HttpResponse<String> page = send(request(path, session).build());
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("<html lang=\"zh-CN\">").contains("无权访问")
                    .doesNotContain("加载年度安排");
        }
        HttpResponse<String> load = send(request("/admin/departments", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertThat(load.statusCode()).isEqualTo(403);

        HttpResponse<String> console = send(request("/admin", session).build());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("事项管理").doesNotContain("平台管理").doesNotContain("/admin/calendar");
    }

    @Test
    void platformAdministratorsOpenEveryPageFromTheMenu() throws Exception {
        String session = logIn("admin");
        HttpResponse<String> console = send(request("/admin", session).build());
        assertThat(console.body()).contains("<a href=\"/admin/calendar\">平台管理</a>");
        Map<String, String> headings = Map.of("/admin/calendar", "<h1>工作日历</h1>",
                "/admin/calendar/2026", "<h1>2026年法定节假日安排</h1>", "/admin/departments", "<h1>部门管理</h1>",
                "/admin/departments/new", "<h1>新增部门</h1>", "/admin/integrity", "<h1>留痕校验</h1>");
        for (String path : PLATFORM_PAGES) {
            HttpResponse<String> page = send(request(path, session).build());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains(headings.get(path));
        }
    }

    @Test
    void theCalendarPageListsTheLoadedYearsAndWarnsWhenNextYearIsMissing() throws Exception {
        String body = page(get("/admin/calendar"));
        for (LoadedYear y : calendarAdministration.years()) {
            assertThat(body).contains("href=\"/admin/calendar/" + y.year() + "\">" + y.year() + "年</a>");
        }
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        int next = today.getYear() + 1;
        if (calendar.isLoaded(today.getYear()) && !calendar.isLoaded(next) && today.getMonthValue() >= 11) {
            assertThat(body).contains(next + "年的法定节假日安排尚未加载，跨年的法定时限将无法计算");
        }
        assertThat(page(get("/admin/calendar/2026"))).contains("<th scope=\"row\">国庆节</th>")
                .contains("10月1日（周四）至10月7日（周三）").contains("9月20日（周日）").contains("7天");
        assertThat(mvc.perform(get("/admin/calendar/2099").with(user(admin))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aYearUploadedThroughTheFormIsLoadedAndUsedAtOnce() throws Exception {
        assertThat(LocalDate.of(2030, 2, 2).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        String file = schedule(2030, "元旦,2030-01-01,true", "春节,2030-02-02,false", "春节,2030-02-04,true",
                "春节,2030-02-05,true");

        upload("2030", "2030.json", file).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("notice", "已加载2030年的法定节假日安排：放假日3天，调休上班日1天。"));

        assertThat(calendar.isLoaded(2030)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 2))).isTrue();
        assertThat(calendar.day(LocalDate.of(2030, 2, 4)).holiday()).isEqualTo("春节");
        assertThat(calendarAdministration.years()).filteredOn(y -> y.year() == 2030).singleElement()
                .satisfies(y -> assertThat(y.loadedBy()).isEqualTo("admin"));
        assertThat(page(get("/admin/calendar"))).contains("2030年</a>").contains("管理员上传");
        assertThat(page(get("/admin/calendar/2030"))).contains("2月4日（周一）至2月5日（周二）").contains("2月2日（周六）");
    }

    @Test
    void anUnreadableOrWrongFileIsRefusedInChineseAndNothingIsLoaded() throws Exception {
        assertRefused(upload("2032", "notes.txt", "这不是JSON文件"), "f-file-err",
                "文件“notes.txt”不是节假日安排的JSON格式，无法读取");
        assertRefused(upload("2032", "2033.json", schedule(2033, "元旦,2033-01-01,true")), "f-file-err",
                "安排中的年份“2033”与要加载的年份2032不一致");
        assertRefused(upload("2032", "2032.json", schedule(2032, "元旦,2032-01-01,true", "元旦,2033-01-02,true")),
                "f-file-err", "日期2033-01-02不在2032年内");
        assertRefused(upload("32", "2032.json", schedule(2032, "元旦,2032-01-01,true")), "f-year-err",
                "请填写四位数字的年份");
        assertRefused(upload("2032", null, null), "f-file-err", "请选择要上传的安排文件");

        assertThat(calendar.isLoaded(2032)).isFalse();
        assertThat(calendarAdministration.years()).noneMatch(y -> y.year() == 2032 || y.year() == 2033);
    }

    @Test
    void aDepartmentWithAnInvalidCreditCodeIsRefusedNextToTheField() throws Exception {
        String body = page(post("/admin/departments").with(csrf()).params(department("91350100M000100Y44", "测试无效代码局")));
        assertThat(body).contains("未保存：请按以下提示修改。")
                .containsPattern("id=\"f-creditCode-err\">统一社会信用代码“91350100M000100Y44”无效")
                .contains("aria-invalid=\"true\"").contains("value=\"测试无效代码局\"");
        assertThat(departments.all()).noneMatch(d -> d.name().equals("测试无效代码局"));

        var blankName = department(newCreditCode("00000001"), "");
        assertThat(page(post("/admin/departments").with(csrf()).params(blankName)))
                .contains("id=\"f-name-err\">部门名称必须填写，且不超过200个字符。");
        var unknownRegion = department(newCreditCode("00000002"), "测试未知区划局");
        unknownRegion.set("regionCode", "449999");
        assertThat(page(post("/admin/departments").with(csrf()).params(unknownRegion)))
                .contains("id=\"f-regionCode-err\">行政区划“449999”不存在。");
        assertThat(departments.all()).noneMatch(d -> d.name().startsWith("测试未知区划局"));
    }

    @Test
    void aDepartmentIsCreatedAndChangedThroughTheForm() throws Exception {
        String code = newCreditCode("00000003");
        mvc.perform(post("/admin/departments").with(csrf()).with(user(admin)).params(department(code, "测试新建局")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/departments"));
        assertThat(departments.find(CreditCode.of(code))).hasValueSatisfying(d -> {
            assertThat(d.name()).isEqualTo("测试新建局");
            assertThat(d.level()).isEqualTo(Department.DepartmentLevel.COUNTY);
        });
        assertThat(page(get("/admin/departments").param("level", "COUNTY").param("region", "440304")))
                .contains("测试新建局").contains("福田区").doesNotContain("深圳市市场监督管理局");
        assertThat(page(get("/admin/departments/region-name").param("regionCode", "440304")))
                .contains("广东省 深圳市 福田区");

        var changed = department(code, "测试新建局（更名）");
        mvc.perform(post("/admin/departments/" + code).with(csrf()).with(user(admin)).params(changed))
                .andExpect(status().isFound());
        assertThat(departments.find(CreditCode.of(code)).orElseThrow().name()).isEqualTo("测试新建局（更名）");
        assertThat(page(get("/admin/departments/" + code + "/edit"))).contains("value=\"测试新建局（更名）\"")
                .contains("readonly").contains("区划名称：广东省 深圳市 福田区");
    }

    @Test
    void theHistoryPageAndTheIntegrityPageShowWhetherTheChangeRecordIsIntact() throws Exception {
        String code = jdbc.sql("select code from catalog_item where created_by = 'system' order by code desc limit 1")
                .query(String.class).single();
        String name = jdbc.sql("select content ->> 'name' from catalog_item_version where code = ? order by version desc limit 1")
                .param(code).query(String.class).single();
        long first = jdbc.sql("select id from catalog_item_change where code = ? and seq = 1").param(code)
                .query(Long.class).single();
        String actor = jdbc.sql("select actor from catalog_item_change where id = ?").param(first)
                .query(String.class).single();
        String head = jdbc.sql("select hash from catalog_item_change where code = ? order by seq desc limit 1")
                .param(code).query(String.class).single();

        assertThat(page(get("/admin/items/" + code + "/history"))).contains("留痕完整，未被篡改")
                .contains(head.substring(0, 16) + "…").contains("第 1 条");
        assertThat(page(get("/admin/integrity"))).doesNotContain(code);

        asTableOwner("update catalog_item_change set actor = 'someone-else' where id = ?", first);
        try {
            assertThat(page(get("/admin/items/" + code + "/history"))).contains("留痕校验未通过")
                    .contains("自第 1 条记录起异常：记录内容与其哈希值不符，记录已被改动").doesNotContain("留痕完整");
            assertThat(page(get("/admin/integrity"))).contains(name).contains("/admin/items/" + code + "/history")
                    .contains("第 1 条：记录内容与其哈希值不符，记录已被改动").doesNotContain("全部事项留痕完整");
        } finally {
            asTableOwner("update catalog_item_change set actor = ? where id = ?", actor, first);
        }
        assertThat(page(get("/admin/items/" + code + "/history"))).contains("留痕完整，未被篡改");
    }

    private void assertRefused(ResultActions result, String errorId, String message) throws Exception {
        String body = result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("未加载：请按以下提示修改后重新上传。").contains("role=\"alert\"")
                .containsPattern(Pattern.quote("id=\"" + errorId + "\">") + "[^<]*" + Pattern.quote(message));
    }

    private ResultActions upload(String year, String fileName, String content) throws Exception {
        var request = multipart("/admin/calendar");
        if (fileName != null) {
            request.file(new MockMultipartFile("file", fileName, "application/json",
                    content.getBytes(StandardCharsets.UTF_8)));
        }
        return mvc.perform(request.param("year", year).with(csrf()).with(user(admin)));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A schedule file in the shipped format; each day as "name,date,isOffDay". */
    public static String schedule(int year, String... days) {
        return """
                {"year": %d, "papers": ["https://www.gov.cn/zhengce/content/%d.htm"], "days": [%s]}"""
                .formatted(year, year, Arrays.stream(days).map(d -> d.split(","))
                        .map(d -> "{\"name\": \"%s\", \"date\": \"%s\", \"isOffDay\": %s}".formatted(d[0], d[1], d[2]))
                        .collect(Collectors.joining(", ")));
    }

    private static LinkedMultiValueMap<String, String> department(String code, String name) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("creditCode", code);
        form.add("name", name);
        form.add("shortName", "测试局");
        form.add("regionCode", "440304");
        form.add("level", "COUNTY");
        form.add("address", "深圳市福田区福中三路1号");
        form.add("phone", "0755-12345");
        form.add("officeHours", "工作日 9:00-12:00，14:00-18:00");
        form.add("website", "");
        return form;
    }

    /** A valid credit code of a Futian body with the given 8-character organisation code body. */
    private static String newCreditCode(String organisation) {
        for (char orgCheck : "0123456789X".toCharArray()) {
            for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                String code = "11440304" + organisation + orgCheck + check;
                if (CreditCode.isValid(code)) {
                    return code;
                }
            }
        }
        throw new IllegalStateException("no valid code for " + organisation);
    }

    private void asTableOwner(String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table catalog_item_change disable trigger catalog_item_change_append_only").update();
            assertThat(jdbc.sql(sql).params(params).update()).isEqualTo(1);
            jdbc.sql("alter table catalog_item_change enable trigger catalog_item_change_append_only").update();
        });
    }

    /** Logs a fresh copy of the demo account in through the login pages; returns the session cookie. */
    private String logIn(String demoAccount) {
        return StaffLogin.session(context, port, demoAccount).cookie();
    }

    private HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        return session == null ? b : b.header("Cookie", session);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
