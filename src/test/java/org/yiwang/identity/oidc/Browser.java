package org.yiwang.identity.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yiwang.identity.StaffLogin;

/**
 * A browser for the login flows: keeps cookies, follows redirects itself (to stop at a client's redirect URI, which
 * no server answers) and submits the citizen or the staff login form with the CSRF token read from the page.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private @Nullable Supplier<String> staffCode;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every address visited by the last {@link #follow}. */
    final List<String> visited = new ArrayList<>();

    Browser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Follows redirects from {@code url} until one leads to {@code stopAt} (returned) or a page is shown; on the
     * citizen login page it logs in with the given credentials (if any) and goes on.
     */
    String follow(String url, String stopAt, String loginName, String password) {
        return follow(url, stopAt, loginName, password, false);
    }

    /**
     * Like {@link #follow}, logging {@code account} in on the staff login pages instead (password on {@code /login},
     * then the authenticator code on {@code /login/code}); a null account logs nobody in.
     */
    String followAsStaff(String url, String stopAt, StaffLogin.@Nullable Account account) {
        staffCode = account == null ? null : account::code;
        return follow(url, stopAt, account == null ? null : account.username(),
                account == null ? null : account.password(), true);
    }

    private String follow(String url, String stopAt, String loginName, String password, boolean staff) {
        visited.clear();
        String current = url;
        for (int hops = 0; hops < 20; hops++) {
            visited.add(current);
            if (current.startsWith(stopAt)) {
                return current;
            }
            HttpResponse<String> response = get(current);
            if (response.statusCode() / 100 == 3) {
                current = absolute(response.headers().firstValue("Location").orElseThrow());
                continue;
            }
            if (staff && URI.create(current).getPath().equals("/login/code") && staffCode != null) {
                HttpResponse<String> code = postForm("/login/code", Map.of("code", staffCode.get(),
                        "_csrf", csrf(response.body())));
                staffCode = null;
                current = absolute(code.headers().firstValue("Location").orElseThrow(
                        () -> new AssertionError("staff code refused: " + code.statusCode())));
                continue;
            }
            if (staff && URI.create(current).getPath().equals("/login") && loginName != null) {
                HttpResponse<String> login = postForm("/login", Map.of("username", loginName,
                        "password", password, "_csrf", csrf(response.body())));
                loginName = null;
                current = absolute(login.headers().firstValue("Location").orElseThrow(
                        () -> new AssertionError("staff login refused: " + login.statusCode())));
                continue;
            }
            if (!staff && current.contains("/account/login") && loginName != null) {
                HttpResponse<String> login = postForm("/account/login/password", Map.of("loginName", loginName,
                        "password", password, "_csrf", csrf(response.body())));
                loginName = null;
                current = absolute(login.headers().firstValue("Location").orElseThrow(
                        () -> new AssertionError("login refused: " + login.statusCode())));
                continue;
            }
            return current;
        }
        throw new AssertionError("too many redirects: " + visited);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page");
        }
        return m.group(1);
    }

    private String absolute(String url) {
        return url.startsWith("/") ? base + url : url;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(String uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
