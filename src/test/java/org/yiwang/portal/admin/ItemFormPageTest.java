package org.yiwang.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.ItemContent;
import org.yiwang.identity.StaffLogin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application-form section of the item edit page over HTTP with a staff session: fields and pre-review are saved,
 * shown again and kept when the page is submitted as the browser would; bad fields are refused next to the input.
 */
@IntegrationTest
class ItemFormPageTest {

    private static final String SCJG = "11440300MB2C922610";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern CONTROL = Pattern.compile(
            "<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>|<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theFormAndPreReviewAreSavedShownAndKeptWhenTheItemIsEditedAgain() throws Exception {
        String session = logIn("scjg-admin");
        String code = newCode();
        Map<String, List<String>> values = newItem(session, code);
        set(values, "applicationForm.fields[0].label", "企业名称");
        set(values, "applicationForm.fields[0].key", "enterprise");
        set(values, "applicationForm.fields[0].type", "TEXT");
        set(values, "applicationForm.fields[0].prefill", "ENTERPRISE_NAME");
        set(values, "applicationForm.fields[1].label", "主体业态");
        set(values, "applicationForm.fields[1].key", "kind");
        set(values, "applicationForm.fields[1].type", "SELECT");
        set(values, "applicationForm.fields[1].prefill", "");
        set(values, "applicationForm.fields[1].required", "true");
        set(values, "applicationForm.fields[1].options", "食品销售经营者\r\n 餐饮服务经营者 \r\n\r\n");
        set(values, "applicationForm.fields[1].hint", "按营业执照填写");
        set(values, "applicationForm.fields[2].label", "");
        set(values, "applicationForm.fields[2].key", "");
        set(values, "applicationForm.fields[2].type", "TEXT");
        set(values, "applicationForm.fields[2].prefill", "");
        set(values, "preReview", "true");

        HttpResponse<String> created = post("/admin/items", session, values);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(code));
        ApplicationForm expected = new ApplicationForm(List.of(
                new FormField("enterprise", "企业名称", FormField.Type.TEXT, false, FormField.Prefill.ENTERPRISE_NAME,
                        List.of(), null),
                new FormField("kind", "主体业态", FormField.Type.SELECT, true, null, List.of("食品销售经营者", "餐饮服务经营者"),
                        "按营业执照填写")));
        assertThat(latest(code).applicationForm()).isEqualTo(expected);
        assertThat(latest(code).preReview()).isTrue();

        String edit = get("/admin/items/" + code + "/edit", session).body();
        assertThat(edit).contains("<h2 id=\"sec-form\">申请表单</h2>")
                .contains("name=\"applicationForm.fields[1].key\" value=\"kind\"")
                .containsPattern("name=\"applicationForm.fields\\[1\\].options\"[^>]*>食品销售经营者\n餐饮服务经营者</textarea>")
                .containsPattern("<option value=\"ENTERPRISE_NAME\" selected=\"selected\">企业名称</option>")
                .containsPattern("name=\"preReview\" value=\"true\" checked=\"checked\"")
                .contains("<template id=\"tpl-form-field\">")
                .contains("data-add=\"tpl-form-field\" data-list=\"form-field-rows\"");

        Map<String, List<String>> again = formValues(edit);
        set(again, "name", "食品经营许可（表单测试，改名）");
        HttpResponse<String> saved = post("/admin/items/" + code, session, again);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        ItemContent after = latest(code);
        assertThat(after.name()).isEqualTo("食品经营许可（表单测试，改名）");
        assertThat(after.applicationForm()).isEqualTo(expected);
        assertThat(after.preReview()).isTrue();

        Map<String, List<String>> cleared = formValues(get("/admin/items/" + code + "/edit", session).body());
        cleared.keySet().removeIf(k -> k.startsWith("applicationForm.fields[0]") || k.equals("preReview"));
        assertThat(post("/admin/items/" + code, session, cleared).statusCode()).isEqualTo(302);
        assertThat(latest(code).applicationForm().fields()).extracting(FormField::key).containsExactly("kind");
        assertThat(latest(code).preReview()).isFalse();
    }

    @Test
    void theMinimumAssuranceLevelIsSetShownAndCleared() throws Exception {
        String session = logIn("scjg-admin");
        String code = newCode();
        Map<String, List<String>> values = newItem(session, code);
        set(values, "minimumAssuranceLevel", "FACE_CONFIRMED");
        assertThat(post("/admin/items", session, values).statusCode()).isEqualTo(302);
        assertThat(latest(code).minimumAssuranceLevel()).isEqualTo(4);
        String edit = get("/admin/items/" + code + "/edit", session).body();
        assertThat(edit).contains("网上申请最低实名认证等级")
                .contains("<option value=\"FACE_CONFIRMED\" selected=\"selected\">4 级 · 实人核验</option>");
        Map<String, List<String>> again = formValues(edit);
        set(again, "minimumAssuranceLevel", "");
        assertThat(post("/admin/items/" + code, session, again).statusCode()).isEqualTo(302);
        assertThat(latest(code).minimumAssuranceLevel()).isNull();
    }

    @Test
    void badFieldsAreRefusedNextToTheirInputsAndNothingIsSaved() throws Exception {
        String session = logIn("scjg-admin");
        String code = newCode();
        Map<String, List<String>> values = newItem(session, code);
        set(values, "applicationForm.fields[0].label", "主体业态");
        set(values, "applicationForm.fields[0].key", "1kind");
        set(values, "applicationForm.fields[0].type", "SELECT");
        set(values, "applicationForm.fields[1].label", "联系电话");
        set(values, "applicationForm.fields[1].key", "mobile");
        set(values, "applicationForm.fields[1].type", "TEXT");
        set(values, "applicationForm.fields[1].prefill", "APPLICANT_MOBILE");

        HttpResponse<String> refused = post("/admin/items", session, values);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"")
                .contains("id=\"f-applicationForm-fields-0-key-err\">字段标识“1kind”无效")
                .contains("id=\"f-applicationForm-fields-0-options-err\">申请表单字段“主体业态”为选项类型，须至少填写一个选项。")
                .contains("id=\"f-applicationForm-fields-1-prefill-err\">申请表单字段“联系电话”由申请人手机号码自动填入，字段类型须为手机号码。")
                .contains("name=\"applicationForm.fields[1].label\" value=\"联系电话\"");
        assertThat(jdbc.sql("select count(*) from catalog_item where code = ?").param(code).query(Long.class).single())
                .isZero();
    }

    /** The new-item page filled with a valid item of the staff member's department, without a form. */
    private Map<String, List<String>> newItem(String session, String code) throws Exception {
        Map<String, List<String>> values = formValues(get("/admin/items/new", session).body());
        set(values, "name", "食品经营许可（表单测试）");
        set(values, "implementationCode", code);
        set(values, "basicCode", "000201001");
        set(values, "type", "LICENSING");
        set(values, "exerciseLevel", "CITY");
        set(values, "legalBasis", "《中华人民共和国食品安全法》第三十五条");
        set(values, "serviceObjects", "ENTERPRISE");
        set(values, "materials[0].name", "食品经营许可申请书");
        return values;
    }

    private ItemContent latest(String code) {
        String content = jdbc.sql("select content::text from catalog_item_version where code = ? order by version desc"
                + " limit 1").param(code).query(String.class).single();
        return json.readValue(content, ItemContent.class);
    }

    private static String newCode() {
        return SCJG + "8%012d".formatted(System.nanoTime() % 1_000_000_000L * 100 + SEQUENCE.incrementAndGet());
    }

    private static void set(Map<String, List<String>> values, String name, String value) {
        values.put(name, new ArrayList<>(List.of(value)));
    }

    /**
     * What a browser submits from the page's item form: hidden, text and number inputs, checked boxes, textareas and
     * the selected option of each select (or its first).
     */
    static Map<String, List<String>> formValues(String page) {
        int start = page.indexOf("<form");
        while (start >= 0 && !page.substring(start, page.indexOf('>', start)).contains("item-form")) {
            start = page.indexOf("<form", start + 1);
        }
        assertThat(start).as("item form on the page").isNotNegative();
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, List<String>> values = new LinkedHashMap<>();
        Matcher m = CONTROL.matcher(form);
        while (m.find()) {
            if (m.group(1) != null) {
                String type = attribute(m.group(1), "type");
                String name = attribute(m.group(1), "name");
                boolean checkable = "checkbox".equals(type) || "radio".equals(type);
                if (name == null || "file".equals(type) || (checkable && !m.group(1).contains("checked"))) {
                    continue;
                }
                String value = attribute(m.group(1), "value");
                add(values, name, value == null ? (checkable ? "on" : "") : value);
            } else if (m.group(2) != null) {
                String text = m.group(3).startsWith("\n") ? m.group(3).substring(1) : m.group(3);
                add(values, attribute(m.group(2), "name"), unescape(text));
            } else {
                List<String> options = new ArrayList<>();
                String selected = null;
                Matcher o = OPTION.matcher(m.group(5));
                while (o.find()) {
                    String value = attribute(o.group(1), "value");
                    options.add(value);
                    if (o.group(1).contains("selected")) {
                        selected = value;
                    }
                }
                add(values, attribute(m.group(4), "name"), selected != null ? selected : options.get(0));
            }
        }
        return values;
    }

    private static void add(Map<String, List<String>> values, @Nullable String name, @Nullable String value) {
        if (name != null) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value == null ? "" : value);
        }
    }

    private static @Nullable String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Logs a copy of the demo account in through the staff login pages; returns the session cookie. */
    private String logIn(String template) {
        return StaffLogin.session(application, port, template).cookie();
    }

    private static String cookie(HttpResponse<String> response) {
        String c = response.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("YIWANG_SESSION="))
                .findFirst().orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private HttpResponse<String> get(String path, @Nullable String session) throws Exception {
        return http.send(request(path, session).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, Map<String, List<String>> values) throws Exception {
        String body = values.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return http.send(request(path, session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, @Nullable String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        return session == null ? b : b.header("Cookie", session);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
