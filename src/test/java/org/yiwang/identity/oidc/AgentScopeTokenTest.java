package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.enterprise.Enterprises;

/**
 * The agent's scope in tokens: {@code agent_scope} in the ID token and the access token of a session switched into
 * an enterprise; narrowing the authorisation refuses the token issued with the wider scope at once, and a refresh
 * brings one with the current scope.
 */
@IntegrationTest
class AgentScopeTokenTest {

    /** 王五 represents this demo enterprise; 赵丽 is made its agent. */
    private static final String ZHENHUA = "91440306MA5J9C4R1M";
    private static final String ZHENHUA_NAME = "深圳市宝安振华精密制造有限公司";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Enterprises enterprises;

    @Test
    void tokensCarryTheScopeAndANarrowedAuthorisationRefusesTheWiderToken() throws Exception {
        String base = "http://localhost:" + port;
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(base));
        AccountId wang = account("13700000003");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        enterprises.claim(wang, ZHENHUA, ZHENHUA_NAME);
        enterprises.authorise(wang, ZHENHUA, "44030719920611004X", "赵丽", "ALL", today, today.plusDays(30));

        var browser = new Browser(base);
        var login = browser.get("/account/login");
        browser.postForm("/account/login/password", Map.of("loginName", "13700000004", "password", "Citizen@2026",
                "_csrf", Browser.csrf(login.body())));
        var account = browser.get("/account");
        assertThat(browser.postForm("/account/enterprises/switch", Map.of("creditCode", ZHENHUA,
                "_csrf", Browser.csrf(account.body()))).statusCode()).isEqualTo(302);

        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"),
                new ClientID("dept-system"), URI.create(OidcProviderTest.DEPT_REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        String callback = browser.follow(request.toString(), OidcProviderTest.DEPT_REDIRECT, null, null);
        var code = AuthenticationResponseParser.parse(URI.create(callback)).toSuccessResponse().getAuthorizationCode();
        TokenResponse response = exchange(provider, new AuthorizationCodeGrant(code,
                URI.create(OidcProviderTest.DEPT_REDIRECT), verifier));
        assertThat(response.indicatesSuccess()).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        assertThat(tokens.getIDToken().getJWTClaimsSet().getStringClaim("account_type")).isEqualTo("agent");
        assertThat(tokens.getIDToken().getJWTClaimsSet().getStringClaim("agent_scope")).isEqualTo("ALL");
        String wide = tokens.getAccessToken().getValue();
        assertThat(SignedJWT.parse(wide).getJWTClaimsSet().getStringClaim("agent_scope")).isEqualTo("ALL");
        assertThat(me(base, wide).statusCode()).isEqualTo(200);

        enterprises.authorise(wang, ZHENHUA, "44030719920611004X", "赵丽", "APPLY_ONLY", today, today.plusDays(30));

        HttpResponse<String> refused = me(base, wide);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("IDENTITY_OIDC_TOKEN_INVALID");
        TokenResponse refreshed = exchange(provider, new RefreshTokenGrant(tokens.getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        String narrow = refreshed.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertThat(SignedJWT.parse(narrow).getJWTClaimsSet().getStringClaim("agent_scope")).isEqualTo("APPLY_ONLY");
        assertThat(me(base, narrow).statusCode()).isEqualTo(200);
        assertThat(browser.get("/account").body()).contains("（经办人，仅申报）");
    }

    private static TokenResponse exchange(OIDCProviderMetadata provider, AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), OidcProviderTest.DEPT,
                grant).toHTTPRequest().send());
    }

    private static HttpResponse<String> me(String base, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private AccountId account(String mobile) {
        return new AccountId(jdbc.sql("SELECT account_id FROM person_account WHERE mobile = ?").param(mobile)
                .query(String.class).single());
    }
}
