package org.yiwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.yiwang.identity.staff.StaffAccount;
import org.yiwang.identity.staff.StaffAccounts;
import org.yiwang.identity.staff.Totp;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * Staff logins for tests, through the real two-step login (password, then the TOTP code computed from the
 * account's secret). A code is accepted once per account, so every login uses a fresh account: {@link #like} copies
 * the department, region and roles of a demo account ({@code admin}, {@code scjg-admin}, …) under a new username.
 */
public final class StaffLogin {

    public static final String PASSWORD = "Test@2026staff";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StaffLogin() {
    }

    /** A test account: its username, password and TOTP secret (Base32). */
    public record Account(String username, String password, String totpSecret) {

        /** The code the account's authenticator shows now. */
        public String code() {
            return Totp.code(totpSecret, Instant.now());
        }
    }

    /** A logged-in session over HTTP: the session cookie and a CSRF token for requests that change something. */
    public record Session(int port, String username, String cookie, String csrf) {

        /** A request with the session cookie and the CSRF header, asking for JSON. */
        public HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).header("X-CSRF-TOKEN", csrf).header("Accept", "application/json")
                    .header("Accept-Language", "zh-CN");
        }

        /** Sends a JSON request ({@code body} null: none). */
        public HttpResponse<String> send(String method, String path, @Nullable String json) {
            HttpRequest.Builder b = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            return StaffLogin.send(b.build());
        }

        /** Posts a form as the pages do (CSRF token as a field); answers are not followed. */
        public HttpResponse<String> postForm(String path, Map<String, String> form) {
            return postForm(path, List.copyOf(form.entrySet()));
        }

        /** Posts a form whose fields may repeat (rows of a table), in order. */
        public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> form) {
            List<Map.Entry<String, String>> fields = new ArrayList<>(form);
            fields.add(Map.entry("_csrf", csrf));
            return StaffLogin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
        }

        /** Gets a page. */
        public HttpResponse<String> page(String path) {
            return StaffLogin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).header("Accept", "text/html").header("Accept-Language", "zh-CN")
                    .GET().build());
        }
    }

    /** A new account with the department, region and roles of {@code template}, ready to log in. */
    public static Account like(ApplicationContext context, String template) {
        StaffAccount t = context.getBean(StaffAccounts.class).find(template).orElseThrow();
        return create(context, template, t.departmentCode(), t.regionCode(), t.roles());
    }

    /** A new account (username {@code prefix} + a random suffix) ready to log in. */
    public static Account create(ApplicationContext context, String prefix, CreditCode department, DivisionCode region,
            Set<StaffRole> roles) {
        String random = Long.toString(RANDOM.nextLong() >>> 3 | 1L << 60, 36);
        String suffix = random.substring(random.length() - 8);
        String username = prefix + "-t" + suffix;
        String secret = Totp.newSecret();
        assertThat(context.getBean(StaffAccounts.class).seed(username, "测试" + prefix, department, region, roles,
                PASSWORD, secret, "test")).isTrue();
        return new Account(username, PASSWORD, secret);
    }

    /** Logs a fresh copy of {@code template} in over HTTP. */
    public static Session session(ApplicationContext context, int port, String template) {
        return session(port, like(context, template));
    }

    /** Logs the account in over HTTP, like a browser; fails the test if the login does not complete. */
    public static Session session(int port, Account account) {
        return session(port, account, account.code());
    }

    /** Logs the account in with this code (a second login in the same 30 seconds needs the next step's code). */
    public static Session session(int port, Account account, String totpCode) {
        String base = "http://localhost:" + port;
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        String cookie = cookie(form, null);
        String csrf = csrf(form.body());
        HttpResponse<String> password = post(base + "/login", cookie, Map.of("username", account.username(),
                "password", account.password(), "_csrf", csrf));
        assertThat(password.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login/code"));
        cookie = cookie(password, cookie);
        HttpResponse<String> code = post(base + "/login/code", cookie, Map.of("code", totpCode, "_csrf", csrf));
        assertThat(code.statusCode()).as(code.body()).isEqualTo(302);
        assertThat(code.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        cookie = cookie(code, cookie);
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(base + "/admin/me")).header("Cookie", cookie)
                .GET().build());
        assertThat(me.statusCode()).isEqualTo(200);
        return new Session(port, account.username(), cookie, csrf(me.body()));
    }

    /** Logs a fresh copy of {@code template} in, in the browser page; returns the account. */
    public static Account browser(ApplicationContext context, Page page, String baseUrl, String template) {
        Account account = like(context, template);
        browser(page, baseUrl, account);
        return account;
    }

    /** Logs the account in through the login pages of the browser (the page ends where the login sends it). */
    public static void browser(Page page, String baseUrl, Account account) {
        if (!page.url().endsWith("/login")) {
            page.navigate(baseUrl + "/login");
        }
        page.getByLabel("用户名").fill(account.username());
        page.getByLabel("密码").fill(account.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步")).click();
        page.waitForURL(baseUrl + "/login/code");
        page.getByLabel("动态验证码").fill(account.code());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** The CSRF token of a page's forms. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** The session cookie ({@code YIWANG_SESSION=…}) the answer sets, or {@code current} if it sets none. */
    public static String cookie(HttpResponse<?> response, @Nullable String current) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("YIWANG_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseGet(() -> {
                    assertThat(current).as("session cookie").isNotNull();
                    return current;
                });
    }

    static HttpResponse<String> post(String url, String cookie, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(List.copyOf(form.entrySet())))).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(List<Map.Entry<String, String>> form) {
        return form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
