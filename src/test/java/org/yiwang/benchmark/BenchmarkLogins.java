package org.yiwang.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yiwang.identity.staff.Totp;

/**
 * Access tokens for a benchmark's virtual users, obtained as a client obtains them: the authorization-code flow with
 * PKCE through the provider's own login pages — a citizen's password login for {@code dept-system}, a staff member's
 * password and TOTP code for {@code window-system}.
 */
final class BenchmarkLogins {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient API = HttpClient.newHttpClient();

    private final String base;

    BenchmarkLogins(String base) {
        this.base = base;
    }

    /** A demo citizen's access token (login by mobile number and password). */
    String citizen(String mobile, String password) {
        Flow flow = new Flow("dept-system", "dept-system-secret", IdentitySimulation.REDIRECT, "openid profile");
        String login = flow.authorize();
        String csrf = flow.csrf(flow.get(login));
        return flow.finish(flow.post("/account/login/password",
                Map.of("loginName", mobile, "password", password, "_csrf", csrf)));
    }

    /** A demo staff member's access token (password, then the current TOTP code of their secret). */
    String staff(String username, String password, String totpSecret) {
        Flow flow = new Flow("window-system", "window-system-secret", "http://localhost:8082/login/oauth2/code/yiwang",
                "openid profile");
        String login = flow.authorize();
        String csrf = flow.csrf(flow.get(login));
        String code = flow.post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
        return flow.finish(flow.post(code, Map.of("code", Totp.code(totpSecret, Instant.now()), "_csrf", csrf)));
    }

    /** One login through the authorization endpoint, with its own cookies. */
    private final class Flow {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String client;
        private final String secret;
        private final String redirect;
        private final String scope;
        private final String verifier;

        Flow(String client, String secret, String redirect, String scope) {
            this.client = client;
            this.secret = secret;
            this.redirect = redirect;
            this.scope = scope;
            byte[] random = new byte[32];
            ThreadLocalRandom.current().nextBytes(random);
            this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        /** Starts at the authorization endpoint; returns where it sends the browser to log in. */
        String authorize() {
            return location(send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?" + form(Map.of(
                    "response_type", "code", "client_id", client, "redirect_uri", redirect, "scope", scope,
                    "state", "benchmark", "code_challenge", IdentitySimulation.challenge(verifier),
                    "code_challenge_method", "S256")))).header("Accept", "text/html").GET().build()));
        }

        String get(String location) {
            return send(HttpRequest.newBuilder(uri(location)).header("Accept", "text/html").GET().build()).body();
        }

        /** Posts a login form; returns where the answer redirects. */
        String post(String path, Map<String, String> fields) {
            return location(send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build()));
        }

        /** Follows the logged-in browser back to the authorization endpoint, then exchanges the code. */
        String finish(String resume) {
            String callback = location(send(HttpRequest.newBuilder(uri(resume)).header("Accept", "text/html")
                    .GET().build()));
            if (!callback.startsWith(redirect)) {
                throw new IllegalStateException("login of " + client + " did not return a code: " + callback);
            }
            String code = IdentitySimulation.code(callback);
            String basic = Base64.getEncoder().encodeToString((client + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "code", code, "redirect_uri", redirect, "code_verifier", verifier)))).build());
            Matcher m = ACCESS_TOKEN.matcher(token.body());
            if (token.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("token exchange of " + client + " failed: " + token.body());
            }
            return m.group(1);
        }

        String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            return m.group(1);
        }

        private URI uri(String location) {
            return URI.create(location.startsWith("http") ? location : base + location);
        }

        private String location(HttpResponse<String> response) {
            return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    "expected a redirect, got " + response.statusCode() + ": " + response.body()));
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The body of {@code GET path} with a bearer token; anything but 200 stops the run. */
    byte[] get(String path, String token) {
        try {
            HttpResponse<byte[]> response = API.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
