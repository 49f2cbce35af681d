package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.catalog.TestItems.SCJG;
import static org.yiwang.catalog.TestItems.with;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ItemApiTest {

    private static final String SCJG_ADMIN = "scjg-admin";
    private static final String WSJK_ADMIN = "wsjk-admin";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();
    /** A logged-in copy of each demo account this test acts as. */
    private final Map<String, StaffLogin.Session> sessions = new HashMap<>();

    @Test
    void publicGuideOfAPublishedItem() throws Exception {
        ItemContent content = ItemAdministrationTest.newItem(SCJG);
        String code = content.implementationCode();
        assertThat(call("GET", "/api/v1/items/" + code, null, null, null).statusCode()).isEqualTo(404);

        var created = call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(content), null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        var unpublished = call("GET", "/api/v1/items/" + code, null, null, null);
        assertThat(unpublished.statusCode()).isEqualTo(404);
        assertThat(body(unpublished).get("code").asString()).isEqualTo("CATALOG_ITEM_NOT_FOUND");

        assertThat(call("POST", "/api/v1/admin/items/" + code + "/publish", SCJG_ADMIN, null, null).statusCode())
                .isEqualTo(200);
        var guide = call("GET", "/api/v1/items/" + code, null, null, null);
        assertThat(guide.statusCode()).isEqualTo(200);
        JsonNode g = body(guide);
        assertThat(g.get("code").asString()).isEqualTo(code);
        assertThat(g.get("version").asInt()).isEqualTo(1);
        assertThat(g.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(g.get("statusLabel").asString()).isEqualTo("已发布");
        assertThat(g.get("publishedAt").isNull()).isFalse();
        assertThat(g.get("department").get("name").asString()).isEqualTo("深圳市市场监督管理局");
        assertThat(g.get("department").get("phone").asString()).isNotBlank();
        assertThat(g.get("statutoryLimitLabel").asString()).isEqualTo("20个工作日");
        assertThat(g.get("promisedLimitLabel").asString()).isEqualTo("10个工作日");
        assertThat(g.get("content").get("materials")).hasSize(2);

        assertThat(body(call("GET", "/api/v1/items/NOPE", null, null, null)).get("code").asString())
                .isEqualTo("CATALOG_ITEM_NOT_FOUND");
    }

    @Test
    void adminUpdateNeedsTheCurrentRevision() throws Exception {
        ItemContent content = ItemAdministrationTest.newItem(SCJG);
        String code = content.implementationCode();
        String path = "/api/v1/admin/items/" + code;
        call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(content), null);
        String update = json.writeValueAsString(java.util.Map.of("content", with(content, "name", "新名称")));

        var missing = call("PUT", path, SCJG_ADMIN, update, null);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(body(missing).get("code").asString()).isEqualTo("CATALOG_REVISION_REQUIRED");

        var ok = call("PUT", path, SCJG_ADMIN, update, "\"1\"");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"2\"");
        var stale = call("PUT", path, SCJG_ADMIN, update, "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale).get("code").asString()).isEqualTo("CATALOG_REVISION_CONFLICT");

        String withRevision = json.writeValueAsString(
                java.util.Map.of("revision", 2, "content", with(content, "name", "再改")));
        assertThat(call("PUT", path, SCJG_ADMIN, withRevision, null).statusCode()).isEqualTo(200);
        JsonNode item = body(call("GET", path, SCJG_ADMIN, null, null));
        assertThat(item.get("content").get("name").asString()).isEqualTo("再改");
        assertThat(item.get("revision").asInt()).isEqualTo(3);

        JsonNode history = body(call("GET", path + "/history", SCJG_ADMIN, null, null));
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("action").asString()).isEqualTo("SAVED");
        assertThat(history.get(2).get("changes").get(0).get("path").asString()).isEqualTo("name");
        assertThat(body(call("GET", "/api/v1/admin/items?status=DRAFT", SCJG_ADMIN, null, null)).get("items")
                .valueStream().map(i -> i.get("code").asString())).contains(code);
    }

    @Test
    void applicationFormAndPreReviewRoundTrip() throws Exception {
        ApplicationForm form = new ApplicationForm(List.of(
                new FormField("enterprise", "企业名称", FormField.Type.TEXT, true, FormField.Prefill.ENTERPRISE_NAME,
                        null, null),
                new FormField("kind", "主体业态", FormField.Type.SELECT, true, null, List.of("食品销售经营者", "餐饮服务经营者"),
                        "按营业执照填写"),
                new FormField("area", "经营面积（平方米）", FormField.Type.NUMBER, false, null, null, null)));
        ItemContent content = with(ItemAdministrationTest.newItem(SCJG), "applicationForm", form, "preReview", true);
        String path = "/api/v1/admin/items/" + content.implementationCode();

        assertThat(call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(content), null).statusCode())
                .isEqualTo(201);
        JsonNode saved = body(call("GET", path, SCJG_ADMIN, null, null)).get("content");
        assertThat(saved.get("preReview").asBoolean()).isTrue();
        assertThat(saved.get("applicationForm").get("fields").get(1).get("options").get(1).asString())
                .isEqualTo("餐饮服务经营者");
        assertThat(json.treeToValue(saved, ItemContent.class)).isEqualTo(content);

        ItemContent changed = with(content, "preReview", false, "applicationForm",
                new ApplicationForm(form.fields().subList(0, 2)));
        var updated = call("PUT", path, SCJG_ADMIN, json.writeValueAsString(Map.of("content", changed)), "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json.treeToValue(body(updated).get("content"), ItemContent.class)).isEqualTo(changed);
        assertThat(body(call("GET", path + "/history", SCJG_ADMIN, null, null)).get(1).get("changes")
                .valueStream().map(c -> c.get("path").asString()))
                .containsExactly("applicationForm.fields[2]", "preReview");

        call("POST", path + "/publish", SCJG_ADMIN, null, null);
        JsonNode guide = body(call("GET", "/api/v1/items/" + content.implementationCode(), null, null, null));
        assertThat(guide.get("content").get("applicationForm").get("fields")).hasSize(2);
        assertThat(guide.get("content").get("preReview").asBoolean()).isFalse();
    }

    @Test
    void anInvalidFormIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        ApplicationForm form = new ApplicationForm(List.of(
                new FormField("id", "身份证号码", FormField.Type.ID_NUMBER, true, FormField.Prefill.APPLICANT_ID_NUMBER,
                        null, null),
                new FormField("id", "类别", FormField.Type.SELECT, true, null, null, null)));
        ItemContent bad = with(ItemAdministrationTest.newItem(SCJG), "applicationForm", form);
        var refused = call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(bad), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = body(refused);
        assertThat(problem.get("code").asString()).isEqualTo("CATALOG_ITEM_INVALID");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("applicationForm.fields[0].prefill CATALOG_FORM_PREFILL_NOT_FOR_APPLICANTS",
                        "applicationForm.fields[1].key CATALOG_FORM_FIELD_KEY_DUPLICATE",
                        "applicationForm.fields[1].options CATALOG_FORM_OPTIONS_REQUIRED");
        assertThat(problem.get("errors").get(2).get("message").asString())
                .isEqualTo("申请表单字段“类别”为选项类型，须至少填写一个选项。");
        assertThat(call("GET", "/api/v1/admin/items/" + bad.implementationCode(), SCJG_ADMIN, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusalsAreProblemDetailsWithStableCodes() throws Exception {
        ItemContent bad = with(ItemAdministrationTest.newItem(SCJG), "onSiteVisits", 1, "promisedLimit",
                TimeLimit.workingDays(40));
        var invalid = call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(bad), null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode problem = body(invalid);
        assertThat(problem.get("code").asString()).isEqualTo("CATALOG_ITEM_INVALID");
        assertThat(problem.get("detail").asString()).contains("2处");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("code").asString()))
                .containsExactlyInAnyOrder("CATALOG_ON_SITE_REASON_REQUIRED", "CATALOG_PROMISED_EXCEEDS_STATUTORY");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .contains("承诺办结时限（40个工作日）不得超过法定办结时限（20个工作日）。");
        assertThat(call("GET", "/api/v1/items/" + bad.implementationCode(), null, null, null).statusCode())
                .isEqualTo(404);

        ItemContent content = ItemAdministrationTest.newItem(SCJG);
        String path = "/api/v1/admin/items/" + content.implementationCode();
        call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(content), null);
        var wrong = call("POST", path + "/suspend", SCJG_ADMIN, "{\"reason\":\"测试\"}", null);
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(body(wrong).get("code").asString()).isEqualTo("CATALOG_TRANSITION_NOT_ALLOWED");
        assertThat(body(wrong).get("detail").asString()).isEqualTo("事项当前状态为“草稿”，不能执行“暂停”操作。");

        var foreignRead = call("GET", path, WSJK_ADMIN, null, null);
        assertThat(foreignRead.statusCode()).isEqualTo(404);
        assertThat(call("GET", path + "/history", WSJK_ADMIN, null, null).statusCode()).isEqualTo(404);
        var foreignAct = call("POST", path + "/publish", WSJK_ADMIN, null, null);
        assertThat(foreignAct.statusCode()).isEqualTo(403);
        assertThat(body(foreignAct).get("code").asString()).isEqualTo("CATALOG_NOT_YOUR_DEPARTMENT");
        assertThat(call("GET", path, null, null, null).statusCode()).isEqualTo(401);
        assertThat(body(call("GET", path, SCJG_ADMIN, null, null)).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void historyEntriesCarryTheirHashAndTheChainCanBeVerified() throws Exception {
        ItemContent content = ItemAdministrationTest.newItem(SCJG);
        String path = "/api/v1/admin/items/" + content.implementationCode();
        call("POST", "/api/v1/admin/items", SCJG_ADMIN, json.writeValueAsString(content), null);
        call("POST", path + "/publish", SCJG_ADMIN, null, null);

        JsonNode history = body(call("GET", path + "/history", SCJG_ADMIN, null, null));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("prevHash").asString()).isEqualTo("0".repeat(64));
        assertThat(history.get(1).get("prevHash").asString()).isEqualTo(history.get(0).get("hash").asString());
        assertThat(history.get(1).get("hash").asString()).matches("[0-9a-f]{64}");

        var verification = call("GET", path + "/history/verification", SCJG_ADMIN, null, null);
        assertThat(verification.statusCode()).isEqualTo(200);
        JsonNode intact = body(verification);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asInt()).isEqualTo(2);
        assertThat(intact.get("head").asString()).isEqualTo(history.get(1).get("hash").asString());

        ChangeRecordChainTest.asTableOwner(tx, jdbc, "update catalog_item_change set actor = 'x' where id = ?",
                history.get(0).get("id").asLong());
        JsonNode broken = body(call("GET", path + "/history/verification", SCJG_ADMIN, null, null));
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBreak").get("entryId").asLong()).isEqualTo(history.get(0).get("id").asLong());
        assertThat(broken.get("firstBreak").get("seq").asInt()).isEqualTo(1);
        assertThat(broken.get("firstBreak").get("problem").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(broken.get("firstBreak").get("description").asString()).contains("已被改动");

        assertThat(call("GET", path + "/history/verification", WSJK_ADMIN, null, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", path + "/history/verification", null, null, null).statusCode()).isEqualTo(401);
        assertThat(body(call("GET", "/api/v1/admin/items/NOPE/history/verification", SCJG_ADMIN, null, null))
                .get("code").asString()).isEqualTo("CATALOG_ITEM_NOT_FOUND");
    }

    @Test
    void uploadAndDownloadFiles() throws Exception {
        byte[] docx = TestFiles.docx();
        var uploaded = upload("食品经营许可申请书.docx", docx);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode file = body(uploaded);
        String id = file.get("id").asString();
        assertThat(file.get("sha256").asString()).hasSize(64);

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(uri("/api/v1/files/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(docx);
        assertThat(download.headers().firstValue("Content-Type")).contains(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("filename*=UTF-8''" + URLEncoder.encode("食品经营许可申请书", StandardCharsets.UTF_8) + ".docx");

        var renamedPng = upload("照片.pdf", TestFiles.png());
        assertThat(renamedPng.statusCode()).isEqualTo(415);
        assertThat(body(renamedPng).get("code").asString()).isEqualTo("CATALOG_FILE_TYPE_UNSUPPORTED");
        var empty = upload("空.pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/files/0f8fad5b-d9cb-469f-a165-70867728950e", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/files/not-a-uuid", null, null, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String name, byte[] content) throws Exception {
        String boundary = "----yiwang" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = session(SCJG_ADMIN).request("/api/v1/admin/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, @Nullable String user, @Nullable String body,
            @Nullable String ifMatch) throws Exception {
        var builder = user != null ? session(user).request(path)
                : HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private StaffLogin.Session session(String demoAccount) {
        return sessions.computeIfAbsent(demoAccount, a -> StaffLogin.session(context, port, a));
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
