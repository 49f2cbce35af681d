package org.yiwang.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;

/**
 * The pages for connected systems (接入系统) over HTTP with a real staff login: registering each kind of client, the
 * secret shown once, changing redirect URIs and scopes, replacing the secret, disabling and enabling, the Chinese
 * refusals next to the fields, and that only platform administrators reach them.
 */
@IntegrationTest
class ClientAdminPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

    @Autowired
    ApplicationContext application;
    @LocalServerPort
    int port;

    /** A browser with a cookie jar, logged in on the staff login page. */
    final class Staff {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Logs a fresh copy of the demo account {@code template} in with both factors. */
        Staff(String template) throws Exception {
            StaffLogin.Account account = StaffLogin.like(application, template);
            HttpResponse<String> password = post("/login", get("/login").body(), Map.of("username",
                    account.username(), "password", account.password()));
            assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
            HttpResponse<String> done = post("/login/code", get("/login/code").body(), Map.of("code",
                    account.code()));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form with the CSRF token of the page it was on; a list value is sent once per element. */
        HttpResponse<String> post(String path, String page, Map<String, ?> form) throws Exception {
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as("CSRF token on the page").isTrue();
            List<String> pairs = new ArrayList<>();
            pairs.add("_csrf=" + enc(csrf.group(1)));
            form.forEach((key, value) -> {
                if (value instanceof List<?> values) {
                    values.forEach(v -> pairs.add(enc(key) + "=" + enc(String.valueOf(v))));
                } else {
                    pairs.add(enc(key) + "=" + enc(String.valueOf(value)));
                }
            });
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> systemCall(String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/system/caller"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String secret(HttpResponse<String> page) {
        Matcher m = SECRET.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private static Map<String, Object> registration(String clientId, String kind, String signsIn, String redirects,
            List<String> scopes) {
        return Map.of("clientId", clientId, "name", "测试接入系统 " + clientId, "kind", kind, "signsIn", signsIn,
                "redirectUris", redirects, "postLogoutRedirectUris", "", "scopes", scopes, "minimumLevel", "");
    }

    @Test
    void aSystemIsRegisteredItsSecretShownOnceReplacedAndTheSystemDisabled() throws Exception {
        Staff admin = new Staff("admin");
        HttpResponse<String> list = admin.get("/admin/clients");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>接入系统</h1>", "dept-system", "window-system", "工作人员");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/calendar\"");
        assertThat(admin.get("/admin/calendar").body()).contains("href=\"/admin/clients\"");

        HttpResponse<String> form = admin.get("/admin/clients/new");
        assertThat(form.body()).contains("<h1>登记接入系统</h1>", "idcard", "最低实名认证等级", "工作人员");
        HttpResponse<String> created = admin.post("/admin/clients", form.body(),
                registration("archive-api", "SYSTEM", "CITIZENS", "", List.of("api")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("no-store"));
        assertThat(created.body()).contains("已登记接入系统", "只在此页显示这一次");
        String secret = secret(created);
        assertThat(token("archive-api", secret).statusCode()).isEqualTo(200);

        HttpResponse<String> detail = admin.get("/admin/clients/archive-api");
        assertThat(detail.body()).contains("系统对接", "client_credentials").doesNotContain(secret);
        assertThat(admin.get("/admin/clients").body()).doesNotContain(secret);

        HttpResponse<String> rotated = admin.post("/admin/clients/archive-api/secret", detail.body(), Map.of());
        String newSecret = secret(rotated);
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(token("archive-api", secret).statusCode()).isEqualTo(401);
        HttpResponse<String> issued = token("archive-api", newSecret);
        assertThat(issued.statusCode()).isEqualTo(200);
        String accessToken = issued.body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(systemCall(accessToken).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.post("/admin/clients/archive-api/disable",
                admin.get("/admin/clients/archive-api").body(), Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/clients/archive-api").body()).contains("已停用", "重新启用");
        assertThat(token("archive-api", newSecret).statusCode()).isEqualTo(401);
        assertThat(systemCall(accessToken).statusCode()).as("a disabled client's token").isEqualTo(401);

        admin.post("/admin/clients/archive-api/enable", admin.get("/admin/clients/archive-api").body(), Map.of());
        assertThat(token("archive-api", newSecret).statusCode()).isEqualTo(200);
    }

    @Test
    void redirectUrisAndScopesAreChangedAndAnAppHasNoSecret() throws Exception {
        Staff admin = new Staff("admin");
        HttpResponse<String> created = admin.post("/admin/clients", admin.get("/admin/clients/new").body(),
                registration("permit-app", "APP", "CITIZENS", "cn.gov.example.permit:/callback",
                        List.of("openid", "profile", "offline_access")));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("公开客户端").doesNotContain("id=\"client-secret\"");

        HttpResponse<String> detail = admin.get("/admin/clients/permit-app");
        HttpResponse<String> saved = admin.post("/admin/clients/permit-app", detail.body(), Map.of(
                "name", "证照移动应用", "redirectUris", "cn.gov.example.permit:/callback\nhttp://127.0.0.1:9000/cb",
                "postLogoutRedirectUris", "cn.gov.example.permit:/logout", "scopes", List.of("openid", "phone"),
                "minimumLevel", "4"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        HttpResponse<String> after = admin.get("/admin/clients/permit-app");
        assertThat(after.body()).contains("已保存接入系统", "证照移动应用", "http://127.0.0.1:9000/cb",
                "cn.gov.example.permit:/logout", "<option value=\"4\" selected=\"selected\">");
        assertThat(after.body()).containsPattern("value=\"phone\" checked=\"checked\"")
                .doesNotContainPattern("value=\"profile\" checked=\"checked\"");
    }

    @Test
    void invalidRegistrationsAreRefusedInChineseNextToTheFieldsAndNothingIsSaved() throws Exception {
        Staff admin = new Staff("admin");
        HttpResponse<String> refused = admin.post("/admin/clients", admin.get("/admin/clients/new").body(),
                Map.of("clientId", "Bad Id", "name", "", "kind", "DEPARTMENT_SYSTEM", "signsIn", "STAFF",
                        "redirectUris", "http://dept.example.gov.cn/cb\nhttps://*.example.gov.cn/cb\n"
                                + "https://dept.example.gov.cn/cb#top\n/relative/cb",
                        "postLogoutRedirectUris", "ftp://dept.example.gov.cn/", "scopes", List.of("openid", "idcard"),
                        "minimumLevel", "3"));
        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).contains("未保存：请按以下提示修改。", "role=\"alert\"", "aria-invalid=\"true\"")
                .containsPattern("id=\"f-clientId-err\">客户端标识须为 3 至 64 位")
                .contains("请填写客户端名称")
                .contains("回调地址“http://dept.example.gov.cn/cb”不可用", "回调地址“https://*.example.gov.cn/cb”不可用",
                        "回调地址“https://dept.example.gov.cn/cb#top”不可用", "回调地址“/relative/cb”不可用")
                .contains("退出后回调地址“ftp://dept.example.gov.cn/”不可用")
                .contains("授权范围“idcard”用于释放个人信息")
                .contains("最低实名认证等级须为 2 至 5 级，且只适用于登录群众的接入系统");
        assertThat(admin.get("/admin/clients/bad-id").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/clients").body()).doesNotContain("Bad Id");
    }

    @Test
    void onlyPlatformAdministratorsReachThePages() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> visitor = anonymous.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/clients")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(visitor.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        Staff departmentAdmin = new Staff("scjg-admin");
        for (String path : List.of("/admin/clients", "/admin/clients/new", "/admin/clients/dept-system")) {
            HttpResponse<String> page = departmentAdmin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("无权访问").doesNotContain("dept-system-secret");
        }
        HttpResponse<String> console = departmentAdmin.get("/admin");
        HttpResponse<String> post = departmentAdmin.post("/admin/clients/dept-system/disable", console.body(),
                Map.of());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(new Staff("admin").get("/admin/clients/dept-system").body())
                .contains("id=\"client-status\">启用");
    }
}
