package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;

/** Registration of OpenID Connect clients by a platform administrator, and what it refuses. */
@IntegrationTest
class OidcClientAdminApiTest {

    static final String PATH = "/api/v1/admin/oidc-clients";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    private final Map<String, StaffLogin.Session> sessions = new HashMap<>();

    /** As a logged-in copy of the demo account {@code staff}, or without login if null. */
    HttpResponse<String> send(String method, String path, String staff, String json) throws Exception {
        if (staff != null) {
            return sessions.computeIfAbsent(staff, a -> StaffLogin.session(context, port, a)).send(method, path, json);
        }
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "zh-CN")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String client(String id, String type, String redirect, String scopes, String grants) {
        return """
                {"clientId":"%s","name":"测试系统","type":"%s","redirectUris":["%s"],"scopes":[%s],
                 "grantTypes":[%s]}""".formatted(id, type, redirect, scopes, grants);
    }

    @Test
    void onlyAPlatformAdministratorRegistersClients() throws Exception {
        String body = client("archive-system", "CONFIDENTIAL", "https://archive.example.gov.cn/cb", "\"openid\"",
                "\"authorization_code\"");
        assertThat(send("POST", PATH, null, body).statusCode()).isEqualTo(401);
        assertThat(send("POST", PATH, "scjg-admin", body).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", PATH, "scjg-admin", null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", PATH + "/archive-system", "admin", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theSecretIsShownOnceAndStoredAsAHash() throws Exception {
        HttpResponse<String> created = send("POST", PATH, "admin", client("tax-system", "CONFIDENTIAL",
                "https://tax.example.gov.cn/callback", "\"openid\",\"api\"",
                "\"authorization_code\",\"client_credentials\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/tax-system");
        String secret = created.body().replaceAll("(?s).*\"clientSecret\":\"([^\"]+)\".*", "$1");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        String stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = 'tax-system'")
                .query(String.class).single();
        assertThat(stored).startsWith("{sha256}").doesNotContain(secret);
        HttpResponse<String> list = send("GET", PATH, "admin", null);
        assertThat(list.body()).contains("\"tax-system\"", "\"dept-system\"", "\"mobile-app\"")
                .doesNotContain("clientSecret", "sha256", secret);

        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", OidcProviderTest.basic("tax-system", secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");

        HttpResponse<String> changed = send("PUT", PATH + "/tax-system", "admin", client("tax-system",
                "CONFIDENTIAL", "https://tax.example.gov.cn/oidc", "\"openid\"", "\"authorization_code\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(send("GET", PATH + "/tax-system", "admin", null).body())
                .contains("https://tax.example.gov.cn/oidc").doesNotContain("/callback", "client_credentials");
        assertThat(send("PUT", PATH + "/tax-system", "admin", client("tax-system", "PUBLIC",
                "https://tax.example.gov.cn/oidc", "\"openid\"", "\"authorization_code\"")).body())
                .contains("IDENTITY_OIDC_CLIENT_TYPE_INVALID");
    }

    @Test
    void invalidRegistrationsAreRefusedWithAStableCodeAndChangeNothing() throws Exception {
        String[][] cases = {
                {client("web-a", "CONFIDENTIAL", "http://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_REDIRECT_URI_INVALID"},
                {client("web-a", "CONFIDENTIAL", "https://*.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_REDIRECT_URI_INVALID"},
                {client("web-a", "CONFIDENTIAL", "https://web-a.example.gov.cn/cb#x", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_REDIRECT_URI_INVALID"},
                {client("web-a", "CONFIDENTIAL", "cn.gov.app:/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_REDIRECT_URI_INVALID"},
                {client("web-a", "CONFIDENTIAL", "https://web-a.example.gov.cn/cb", "\"openid\",\"email\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_SCOPE_INVALID"},
                {client("web-a", "CONFIDENTIAL", "https://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"implicit\""), "IDENTITY_OIDC_GRANT_TYPE_INVALID"},
                {client("web-a", "PUBLIC", "https://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\",\"client_credentials\""), "IDENTITY_OIDC_PUBLIC_CLIENT_CREDENTIALS"},
                {client("web-a", "SECRET", "https://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_CLIENT_TYPE_INVALID"},
                {client("Web A", "CONFIDENTIAL", "https://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_CLIENT_ID_INVALID"},
                {client("dept-system", "CONFIDENTIAL", "https://web-a.example.gov.cn/cb", "\"openid\"",
                        "\"authorization_code\""), "IDENTITY_OIDC_CLIENT_EXISTS"},
        };
        for (String[] c : cases) {
            HttpResponse<String> refused = send("POST", PATH, "admin", c[0]);
            assertThat(refused.statusCode()).as(c[1]).isIn(400, 409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"code\":\"" + c[1] + "\"");
        }
        assertThat(send("GET", PATH + "/web-a", "admin", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", PATH + "/dept-system", "admin", null).body()).contains("演示部门业务系统");

        HttpResponse<String> app = send("POST", PATH, "admin", client("web-app", "PUBLIC", "cn.gov.example.app:/cb",
                "\"openid\"", "\"authorization_code\",\"refresh_token\""));
        assertThat(app.statusCode()).isEqualTo(201);
        assertThat(app.body()).contains("\"clientSecret\":null");
    }
}
