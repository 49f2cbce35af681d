package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;

/** Pages over HTTP: language choice, error pages, login redirect and the session cookie's protection. */
@IntegrationTest
class PortalPagesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void chineseByDefaultEvenWhenTheBrowserPrefersEnglish() throws Exception {
        HttpResponse<String> page = get("/", "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">").contains("搜索办事事项").contains("12345");
    }

    @Test
    void englishWithLangParameterIsRememberedInACookie() throws Exception {
        HttpResponse<String> page = get("/?lang=en", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\">").contains("Search government services")
                .contains("Skip to main content").doesNotContain("跳到主要内容");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("yiwang-lang="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Lax");

        HttpResponse<String> next = send(HttpRequest.newBuilder(uri("/departments"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build());
        assertThat(next.body()).contains("<html lang=\"en\">").contains("<h1>Departments</h1>");
    }

    @Test
    void unknownItemGetsTheChinese404Page() throws Exception {
        HttpResponse<String> page = get("/items/NO-SUCH-ITEM", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("页面未找到").contains("没有找到实施编码为“NO-SUCH-ITEM”的已发布事项")
                .contains("返回首页");
    }

    @Test
    void unknownDepartmentAndUnknownAddressGetThe404Page() throws Exception {
        HttpResponse<String> department = get("/departments/91350100M000100Y43", null);
        assertThat(department.statusCode()).isEqualTo(404);
        assertThat(department.body()).contains("没有找到统一社会信用代码为“91350100M000100Y43”的部门");

        HttpResponse<String> nowhere = get("/no/such/page", null);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("页面未找到").contains("<html lang=\"zh-CN\">");
    }

    @Test
    void badSearchFilterGetsTheChinese400Page() throws Exception {
        HttpResponse<String> page = get("/search?audience=ALIENS", null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求有误").contains("参数“audience”缺失或格式不正确");

        String tooLong = URLEncoder.encode("社".repeat(101), StandardCharsets.UTF_8);
        assertThat(get("/search?q=" + tooLong, null).statusCode()).isEqualTo(400);
    }

    @Test
    void adminConsoleSendsVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> admin = get("/admin", null);
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("工作人员登录").contains("<label for=\"username\">用户名</label>")
                .contains("<label for=\"password\">密码</label>").contains("name=\"_csrf\"");
        String session = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("YIWANG_SESSION=")).findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
