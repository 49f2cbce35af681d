package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.ZoneId;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.enterprise.Enterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;

/**
 * The OpenID Connect provider driven by the Nimbus OAuth 2.0 SDK against the running platform: discovery, login
 * through the real citizen login form, code exchange with PKCE, ID token validation against the JWKS, userinfo,
 * refresh, single sign-on, logout, step-up, refusals, the bearer-token API and key rotation.
 */
@IntegrationTest
class OidcProviderTest extends OidcTestSupport {

    @Test
    void discoveryPublishesTheEndpointsAndRs256Keys() {
        assertThat(provider.getIssuer().getValue()).isEqualTo(base);
        assertThat(provider.getJWKSetURI()).isNotNull();
        assertThat(provider.getEndSessionEndpointURI()).isNotNull();
        assertThat(provider.getUserInfoEndpointURI()).isNotNull();
        assertThat(provider.getIDTokenJWSAlgs()).contains(JWSAlgorithm.RS256);
        assertThat(provider.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
    }

    @Test
    void authorizationCodeWithPkceLogsTheCitizenInAndReleasesOpaqueClaims() throws Exception {
        var browser = new Browser(base);
        Flow flow = flow("dept-system", DEPT_REDIRECT, new Scope("openid", "profile"));
        OIDCTokens tokens = deptLogin(browser, flow);
        assertThat(browser.visited).anyMatch(url -> url.contains("/account/login"));

        IDTokenClaimsSet id = validate(tokens, "dept-system", flow.nonce());
        assertThat(id.getIssuer().getValue()).isEqualTo(base);
        assertThat(id.getAudience()).extracting(Object::toString).containsExactly("dept-system");
        assertThat(id.getExpirationTime()).isAfter(new Date());
        assertThat(id.getSubject().getValue()).matches("[A-Za-z0-9_-]{22}").doesNotContain(ID_NUMBER);
        assertThat(id.getACR().getValue()).isEqualTo("urn:yiwang:acr:3");
        assertThat(id.getStringClaim("name")).isEqualTo("张三");
        assertThat(id.getStringClaim("account_type")).isEqualTo("person");
        assertThat(id.getStringClaim("phone_number")).isEqualTo("137****0001");
        assertThat(id.getClaim("id_number")).isNull();
        assertThat(tokens.getIDTokenString()).doesNotContain(ID_NUMBER);

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        UserInfo info = userInfo.toSuccessResponse().getUserInfo();
        assertThat(info.getSubject()).isEqualTo(id.getSubject());
        assertThat(info.getName()).isEqualTo("张三");
        assertThat(info.getClaim("id_number")).isNull();

        HttpResponse<String> me = bearer("/api/v1/me", tokens.getAccessToken().getValue());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(id.getSubject().getValue(), "440304********0013", "\"level\":3")
                .doesNotContain(ID_NUMBER);

        TokenResponse refreshed = exchange(DEPT, new RefreshTokenGrant(tokens.getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        AccessToken fresh = refreshed.toSuccessResponse().getTokens().getAccessToken();
        assertThat(fresh.getValue()).isNotEqualTo(tokens.getAccessToken().getValue());
        assertThat(bearer("/api/v1/me", fresh.getValue()).statusCode()).isEqualTo(200);
    }

    @Test
    void singleSignOnAcrossClientsAndRotatedRefreshTokensForThePublicApp() throws Exception {
        var browser = new Browser(base);
        deptLogin(browser, flow("dept-system", DEPT_REDIRECT, new Scope("openid")));

        Flow app = flow("mobile-app", APP_REDIRECT, new Scope("openid", "profile"));
        String callback = browser.follow(app.request().toString(), APP_REDIRECT, null, null);
        assertThat(browser.visited).noneMatch(url -> url.contains("/account/login"));
        TokenResponse response = exchangePublic("mobile-app", new AuthorizationCodeGrant(code(app, callback),
                URI.create(APP_REDIRECT), app.verifier()));
        assertThat(response.indicatesSuccess()).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        assertThat(validate(tokens, "mobile-app", app.nonce()).getStringClaim("name")).isEqualTo("张三");

        RefreshToken first = tokens.getRefreshToken();
        assertThat(first).isNotNull();
        TokenResponse refreshed = exchangePublic("mobile-app", new RefreshTokenGrant(first));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        RefreshToken second = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(exchangePublic("mobile-app", new RefreshTokenGrant(first)).indicatesSuccess())
                .as("a used refresh token of a public client").isFalse();
        assertThat(exchangePublic("dept-system", new RefreshTokenGrant(second)).indicatesSuccess())
                .as("a confidential client without its secret").isFalse();
    }

    @Test
    void wrongOrExtraRedirectUrisAreRefusedWithoutRedirecting() {
        var browser = new Browser(base);
        for (String redirect : List.of("http://localhost:8081/evil", DEPT_REDIRECT + "?next=/x",
                DEPT_REDIRECT + "/", "http://localhost:8082/login/oauth2/code/yiwang")) {
            Flow flow = flow("dept-system", redirect, new Scope("openid"));
            HttpResponse<String> response = browser.get(flow.request().toString());
            assertThat(response.statusCode()).as(redirect).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void codesWorkOnceAndOnlyWithTheirPkceVerifier() throws Exception {
        var browser = new Browser(base);
        Flow flow = flow("dept-system", DEPT_REDIRECT, new Scope("openid"));
        AuthorizationCode code = code(flow, browser.follow(flow.request().toString(), DEPT_REDIRECT, ID_NUMBER,
                PASSWORD));
        TokenResponse mismatch = exchange(DEPT, new AuthorizationCodeGrant(code, URI.create(DEPT_REDIRECT),
                new CodeVerifier()));
        assertThat(mismatch.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) mismatch).getErrorObject().getCode()).isEqualTo("invalid_grant");

        Flow second = flow("dept-system", DEPT_REDIRECT, new Scope("openid"));
        AuthorizationCode code2 = code(second, browser.follow(second.request().toString(), DEPT_REDIRECT, null,
                null));
        var grant = new AuthorizationCodeGrant(code2, URI.create(DEPT_REDIRECT), second.verifier());
        assertThat(exchange(DEPT, grant).indicatesSuccess()).isTrue();
        TokenResponse reused = exchange(DEPT, grant);
        assertThat(reused.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) reused).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void aPublicClientMustUsePkce() {
        var browser = new Browser(base);
        URI withoutPkce = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID("mobile-app"), URI.create(APP_REDIRECT)).endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(new Nonce()).build().toURI();
        String callback = browser.follow(withoutPkce.toString(), APP_REDIRECT, ID_NUMBER, PASSWORD);
        assertThat(Browser.query(callback)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void theIdNumberIsReleasedOnlyToClientsRegisteredAndGrantedForIdcard() throws Exception {
        var browser = new Browser(base);
        OIDCClaimsRequest askForIdNumber = new OIDCClaimsRequest()
                .withIDTokenClaimsRequest(new ClaimsSetRequest().add("id_number"))
                .withUserInfoClaimsRequest(new ClaimsSetRequest().add("id_number"));
        Flow asking = flow("dept-system", DEPT_REDIRECT, new Scope("openid", "profile", "phone"), null,
                askForIdNumber);
        OIDCTokens tokens = deptLogin(browser, asking);
        IDTokenClaimsSet id = validate(tokens, "dept-system", asking.nonce());
        assertThat(id.getClaim("id_number")).isNull();
        assertThat(id.getStringClaim("phone_number")).as("full with scope phone").isEqualTo("13700000001");
        UserInfo info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
        assertThat(info.getClaim("id_number")).isNull();

        Flow idcard = flow("dept-system", DEPT_REDIRECT, new Scope("openid", "idcard"));
        String refused = browser.follow(idcard.request().toString(), DEPT_REDIRECT, null, null);
        assertThat(Browser.query(refused)).containsEntry("error", "invalid_scope").doesNotContainKey("code");

        String secret = registerIdcardClient();
        var clientAuth = new ClientSecretBasic(new ClientID("social-security"), new Secret(secret));
        Flow granted = flow("social-security", "https://sb.example.gov.cn/callback", new Scope("openid", "idcard"));
        String callback = browser.follow(granted.request().toString(), "https://sb.example.gov.cn/callback", null,
                null);
        TokenResponse response = exchange(clientAuth, new AuthorizationCodeGrant(code(granted, callback),
                URI.create("https://sb.example.gov.cn/callback"), granted.verifier()));
        OIDCTokens released = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        assertThat(validate(released, "social-security", granted.nonce()).getStringClaim("id_number"))
                .isEqualTo(ID_NUMBER);
    }

    private String registerIdcardClient() throws Exception {
        String body = """
                {"clientId":"social-security","name":"社保业务系统","type":"CONFIDENTIAL",
                 "redirectUris":["https://sb.example.gov.cn/callback"],"scopes":["openid","idcard"],
                 "grantTypes":["authorization_code"]}""";
        HttpResponse<String> created = StaffLogin.session(context, port, "admin")
                .send("POST", "/api/v1/admin/oidc-clients", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll("(?s).*\"clientSecret\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aClientAskingForAHigherLevelSendsThePersonToTheStepUpPage() throws Exception {
        var browser = new Browser(base);
        Flow flow = flow("dept-system", DEPT_REDIRECT, new Scope("openid"), "urn:yiwang:acr:4", null);
        String stoppedAt = browser.follow(flow.request().toString(), DEPT_REDIRECT, ID_NUMBER, PASSWORD);
        assertThat(stoppedAt).endsWith("/oidc/step-up");
        String page = browser.get(stoppedAt).body();
        assertThat(page).contains("需要更高的实名认证等级", "不低于 4 级", "目前为 3 级");
        String back = page.replaceAll("(?s).*id=\"back-to-client\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(back).startsWith(DEPT_REDIRECT);
        assertThat(Browser.query(back)).containsEntry("error", "unmet_authentication_requirements")
                .containsEntry("state", flow.state().getValue());

        Flow enough = flow("dept-system", DEPT_REDIRECT, new Scope("openid"), "urn:yiwang:acr:3", null);
        code(enough, browser.follow(enough.request().toString(), DEPT_REDIRECT, null, null));
    }

    @Test
    void rpInitiatedLogoutEndsThePortalSession() throws Exception {
        var browser = new Browser(base);
        OIDCTokens tokens = deptLogin(browser, flow("dept-system", DEPT_REDIRECT, new Scope("openid")));
        String logout = provider.getEndSessionEndpointURI() + "?id_token_hint=" + tokens.getIDTokenString()
                + "&client_id=dept-system&post_logout_redirect_uri=http://localhost:8081/&state=bye";
        assertThat(browser.follow(logout, "http://localhost:8081/", null, null))
                .isEqualTo("http://localhost:8081/?state=bye");
        Flow again = flow("dept-system", DEPT_REDIRECT, new Scope("openid"));
        assertThat(browser.follow(again.request().toString(), DEPT_REDIRECT, null, null)).contains("/account/login");
    }

    @Test
    void theBearerApiRefusesTamperedForeignAndExpiredTokens() throws Exception {
        var browser = new Browser(base);
        String token = deptLogin(browser, flow("dept-system", DEPT_REDIRECT, new Scope("openid")))
                .getAccessToken().getValue();
        assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("urn:yiwang:acr:3", "urn:yiwang:acr:5").getBytes()) + "." + parts[2];
        assertRefused(bearer("/api/v1/me", tampered));

        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
        assertRefused(bearer("/api/v1/me", sign(foreignKey, "https://id.example.org", Instant.now().plusSeconds(300))));
        assertRefused(bearer("/api/v1/me", sign(keys.active(), "https://id.example.org",
                Instant.now().plusSeconds(300))));
        assertRefused(bearer("/api/v1/me", sign(keys.active(), base, Instant.now().minusSeconds(120))));
        assertThat(bearer("/api/v1/me", sign(keys.active(), base, Instant.now().plusSeconds(300))).statusCode())
                .as("the same token, well formed, is accepted").isEqualTo(200);
        assertRefused(bearer("/api/v1/me", "not-a-token"));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAgentActingForAnEnterpriseGetsAgentClaimsUntilTheAuthorisationIsRevoked() throws Exception {
        String code = "91440305MA5H2D8Q1B";
        String name = "深圳市南山海岸餐饮管理有限公司";
        AccountId li = account("13700000002");
        AccountId wang = account("13700000003");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        enterprises.claim(li, code, name);
        enterprises.authorise(li, code, "440306197802050033", "王五", "ALL", today, today.plusDays(30));

        var browser = new Browser(base);
        var login = browser.get("/account/login");
        browser.postForm("/account/login/password", Map.of("loginName", "13700000003", "password", PASSWORD,
                "_csrf", Browser.csrf(login.body())));
        var account = browser.get("/account");
        assertThat(browser.postForm("/account/enterprises/switch", Map.of("creditCode", code,
                "_csrf", Browser.csrf(account.body()))).statusCode()).isEqualTo(302);

        Flow flow = flow("dept-system", DEPT_REDIRECT, new Scope("openid", "profile"));
        String callback = browser.follow(flow.request().toString(), DEPT_REDIRECT, null, null);
        TokenResponse response = exchange(DEPT, new AuthorizationCodeGrant(code(flow, callback),
                URI.create(DEPT_REDIRECT), flow.verifier()));
        assertThat(response.indicatesSuccess()).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        IDTokenClaimsSet id = validate(tokens, "dept-system", flow.nonce());
        assertThat(id.getSubject().getValue()).isEqualTo(wang.value());
        assertThat(id.getStringClaim("account_type")).isEqualTo("agent");
        assertThat(id.getStringClaim("credit_code")).isEqualTo(code);
        assertThat(id.getStringClaim("enterprise_name")).isEqualTo(name);
        UserInfo info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
        assertThat(info.getStringClaim("account_type")).isEqualTo("agent");
        assertThat(info.getStringClaim("credit_code")).isEqualTo(code);
        String accessToken = tokens.getAccessToken().getValue();
        HttpResponse<String> me = bearer("/api/v1/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"accountType\":\"agent\"", code, name);

        long authorisation = jdbc.sql("SELECT id FROM enterprise_agent WHERE credit_code = ? AND revoked_at IS NULL")
                .param(code).query(Long.class).single();
        enterprises.revoke(li, code, authorisation);

        assertRefused(bearer("/api/v1/me", accessToken));
        assertThat(exchange(DEPT, new RefreshTokenGrant(tokens.getRefreshToken())).indicatesSuccess())
                .as("refreshing a revoked agent's token").isFalse();
        assertThat(UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send()).indicatesSuccess()).isFalse();
    }

    private AccountId account(String mobile) {
        return new AccountId(jdbc.sql("SELECT account_id FROM person_account WHERE mobile = ?").param(mobile)
                .query(String.class).single());
    }

    private String sign(RSAKey key, String issuer, Instant expires) throws Exception {
        String sub = jdbc.sql("SELECT account_id FROM person_account WHERE mobile = '13700000001'")
                .query(String.class).single();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(issuer).subject(sub)
                .audience("dept-system").issueTime(Date.from(expires.minusSeconds(300)))
                .expirationTime(Date.from(expires)).claim("account_type", "person").claim("scope", List.of("openid"))
                .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void clientCredentialsTokensReachTheSystemApiButNotPersonalData() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/system/caller")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        BearerAccessToken token = clientCredentials();
        HttpResponse<String> caller = bearer("/api/v1/system/caller", token.getValue());
        assertThat(caller.statusCode()).isEqualTo(200);
        assertThat(caller.body()).contains("\"clientId\":\"dept-system\"", "api");
        assertThat(bearer("/api/v1/me", token.getValue()).statusCode()).isEqualTo(403);

        TokenResponse wrongSecret = exchange(new ClientSecretBasic(new ClientID("dept-system"), new Secret("x")),
                new ClientCredentialsGrant());
        assertThat(wrongSecret.indicatesSuccess()).isFalse();
        HttpResponse<String> publicClient = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        provider.getTokenEndpointURI()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=mobile-app"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publicClient.statusCode()).isEqualTo(401);
        assertThat(publicClient.body()).doesNotContain("access_token");
    }

    @Test
    void afterRotationOldTokensValidateUntilTheirKeyRetiresAndNewTokensUseTheNewKey() throws Exception {
        BearerAccessToken before = clientCredentials();
        String oldKid = SignedJWT.parse(before.getValue()).getHeader().getKeyID();

        String newKid = keys.rotate();
        assertThat(newKid).isNotEqualTo(oldKid);
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(jwks).contains(oldKid, newKid).doesNotContain("\"d\"");

        BearerAccessToken after = clientCredentials();
        assertThat(SignedJWT.parse(after.getValue()).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(bearer("/api/v1/system/caller", before.getValue()).statusCode()).isEqualTo(200);
        assertThat(bearer("/api/v1/system/caller", after.getValue()).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE oidc_signing_key SET retiring_since = ? WHERE kid = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(7200)), oldKid).update();
        keys.maintain();
        assertThat(jdbc.sql("SELECT status FROM oidc_signing_key WHERE kid = ?").param(oldKid).query(String.class)
                .single()).isEqualTo("RETIRED");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.getJWKSetURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body()).doesNotContain(oldKid).contains(newKid);
        assertThat(bearer("/api/v1/system/caller", before.getValue()).statusCode()).isEqualTo(401);
        assertThat(bearer("/api/v1/system/caller", after.getValue()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT encode(private_key_enc, 'escape') FROM oidc_signing_key WHERE kid = ?")
                .param(newKid).query(String.class).single()).doesNotContain("MII");
    }
}
