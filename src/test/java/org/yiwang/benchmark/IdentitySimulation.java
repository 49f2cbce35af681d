package org.yiwang.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenID Connect provider under an open load, one grant after another, each with its own warm-up (reported
 * apart, as {@code warm-up-…}): client-credentials tokens of {@code dept-system}; password logins of the demo
 * citizens through the authorization-code flow with PKCE (authorize, login form, password, back to authorize, code
 * at the redirect URI, token exchange); refresh-token grants with the refresh tokens those logins obtained. Rates
 * are slightly above the targets: twice the reference figures of Keycloak 26 on the same machine.
 */
public class IdentitySimulation extends Simulation {

    static final String BASE_URL = SearchSimulation.BASE_URL;
    static final int SECONDS = SearchSimulation.SECONDS;
    static final int WARM_UP_SECONDS = SearchSimulation.WARM_UP_SECONDS;
    static final double TOKEN_RATE = Double.parseDouble(System.getProperty("benchmark.tokenRate", "420"));
    static final double LOGIN_RATE = Double.parseDouble(System.getProperty("benchmark.loginRate", "17"));
    static final double REFRESH_RATE = Double.parseDouble(System.getProperty("benchmark.refreshRate", "420"));

    /**
     * Targets of the measured grants: a rate, with a ceiling of the 99th percentile (of the password step for a
     * login) showing that the server keeps up with it rather than queueing.
     */
    record Target(int perSecond, int p99Ms) {
    }

    static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("client-credentials", new Target(400, 1000));
        TARGETS.put("login", new Target(16, 2000));
        TARGETS.put("refresh", new Target(400, 1000));
    }

    static final List<String> LOGIN_STEPS = List.of("login-authorize", "login-form", "login-password",
            "login-return", "login-token");

    static final String REDIRECT = "http://localhost:8081/login/oauth2/code/yiwang";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("dept-system:dept-system-secret".getBytes(StandardCharsets.UTF_8));
    static final List<String> CITIZENS = List.of("13700000001", "13700000002", "13700000003", "13700000004");
    static final String PASSWORD = "Citizen@2026";

    /** Refresh tokens obtained by the logins, used by the refresh grants. */
    static final Queue<String> REFRESH_TOKENS = new ConcurrentLinkedQueue<>();
    static final AtomicLong LOGINS = new AtomicLong();

    static ChainBuilder clientCredentials(String name) {
        return exec(http(name).post("/oauth2/token").header("Authorization", BASIC)
                .formParam("grant_type", "client_credentials")
                .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    static ChainBuilder login(String prefix) {
        return exec(session -> {
            byte[] random = new byte[32];
            ThreadLocalRandom.current().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            return session.set("verifier", verifier).set("challenge", challenge(verifier))
                    .set("state", Long.toHexString(ThreadLocalRandom.current().nextLong()))
                    .set("citizen", CITIZENS.get((int) (LOGINS.getAndIncrement() % CITIZENS.size())));
        }).exec(http(prefix + "authorize").get("/oauth2/authorize").header("Accept", "text/html")
                .queryParam("response_type", "code").queryParam("client_id", "dept-system")
                .queryParam("redirect_uri", REDIRECT).queryParam("scope", "openid profile")
                .queryParam("state", "#{state}").queryParam("nonce", "#{state}")
                .queryParam("code_challenge", "#{challenge}").queryParam("code_challenge_method", "S256")
                .disableFollowRedirect()
                .check(status().is(302), header("Location").transform(l -> l.contains("/account/login")).is(true))
        ).exec(http(prefix + "form").get("/account/login").header("Accept", "text/html")
                .check(status().is(200), regex("name=\"_csrf\" value=\"([^\"]+)\"")
                        .saveAs("csrf"))
        ).exec(http(prefix + "password").post("/account/login/password").header("Accept", "text/html")
                .formParam("loginName", "#{citizen}").formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                .disableFollowRedirect()
                .check(status().is(302), header("Location").transform(l -> l.contains("/oauth2/authorize")).is(true),
                        header("Location").saveAs("resume"))
        ).exec(http(prefix + "return").get("#{resume}").header("Accept", "text/html").disableFollowRedirect()
                .check(status().is(302), header("Location").transform(l -> l.startsWith(REDIRECT)).is(true),
                        header("Location").find().transform(IdentitySimulation::code).saveAs("code"))
        ).exec(http(prefix + "token").post("/oauth2/token").header("Authorization", BASIC)
                .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                .formParam("redirect_uri", REDIRECT).formParam("code_verifier", "#{verifier}")
                .check(status().is(200), jsonPath("$.id_token").exists(),
                        jsonPath("$.refresh_token").saveAs("refreshToken"))
        ).exec(session -> {
            REFRESH_TOKENS.add(session.getString("refreshToken"));
            return session;
        });
    }

    static ChainBuilder refresh(String name) {
        return exec(session -> {
            String token = REFRESH_TOKENS.poll();
            return token == null ? session.markAsFailed() : session.set("refreshToken", token);
        }).exitHereIfFailed().exec(http(name).post("/oauth2/token").header("Authorization", BASIC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refreshToken}")
                .check(status().is(200), jsonPath("$.access_token").exists(),
                        jsonPath("$.refresh_token").saveAs("refreshToken"))
        ).exec(session -> {
            REFRESH_TOKENS.add(session.getString("refreshToken"));
            return session;
        });
    }

    static String code(String location) {
        int start = location.indexOf("code=") + 5;
        int end = location.indexOf('&', start);
        return URLDecoder.decode(location.substring(start, end < 0 ? location.length() : end),
                StandardCharsets.UTF_8);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PopulationBuilder phase(String name, ChainBuilder chain, double perSecond, int seconds) {
        return scenario(name).exec(chain).injectOpen(constantUsersPerSec(perSecond).during(seconds));
    }

    {
        setUp(phase("warm-up-client-credentials", clientCredentials("warm-up-client-credentials"), TOKEN_RATE,
                WARM_UP_SECONDS).andThen(
                phase("client-credentials", clientCredentials("client-credentials"), TOKEN_RATE, SECONDS).andThen(
                phase("warm-up-login", login("warm-up-login-"), LOGIN_RATE, WARM_UP_SECONDS).andThen(
                phase("login", login("login-"), LOGIN_RATE, SECONDS).andThen(
                phase("warm-up-refresh", refresh("warm-up-refresh"), REFRESH_RATE, WARM_UP_SECONDS).andThen(
                phase("refresh", refresh("refresh"), REFRESH_RATE, SECONDS)))))))
                .protocols(http.baseUrl(BASE_URL).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        SearchSimulation.awaitSearchIndex();
    }
}
