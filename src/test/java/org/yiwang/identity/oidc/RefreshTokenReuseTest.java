package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;

/**
 * Refresh-token reuse detection over real token requests: a public client's refresh token works once; presenting
 * one that was already replaced revokes the whole authorization — the current refresh token and access token too —
 * and is logged without personal data.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefreshTokenReuseTest extends OidcTestSupport {

    @Autowired
    JdbcClient db;

    @Test
    void aReplacedRefreshTokenPresentedAgainRevokesTheWholeFamily(CapturedOutput output) throws Exception {
        var browser = new Browser(base);
        Flow app = flow("mobile-app", APP_REDIRECT, new Scope("openid", "profile", "offline_access"));
        String callback = browser.follow(app.request().toString(), APP_REDIRECT, "13700000004", PASSWORD);
        TokenResponse login = exchangePublic("mobile-app", new AuthorizationCodeGrant(code(app, callback),
                URI.create(APP_REDIRECT), app.verifier()));
        assertThat(login.indicatesSuccess()).isTrue();
        OIDCTokens first = ((OIDCTokenResponse) login.toSuccessResponse()).getOIDCTokens();
        String authorization = db.sql("SELECT id FROM oauth2_authorization WHERE refresh_token_value = ?")
                .param(first.getRefreshToken().getValue()).query(String.class).single();

        TokenResponse rotated = exchangePublic("mobile-app", new RefreshTokenGrant(first.getRefreshToken()));
        assertThat(rotated.indicatesSuccess()).isTrue();
        Tokens second = rotated.toSuccessResponse().getTokens();
        assertThat(second.getRefreshToken().getValue()).isNotEqualTo(first.getRefreshToken().getValue());
        assertThat(bearer("/api/v1/me", second.getAccessToken().getValue()).statusCode()).isEqualTo(200);

        TokenResponse reused = exchangePublic("mobile-app", new RefreshTokenGrant(first.getRefreshToken()));
        assertThat(reused.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) reused).getErrorObject().getCode()).isEqualTo("invalid_grant");

        TokenResponse current = exchangePublic("mobile-app", new RefreshTokenGrant(second.getRefreshToken()));
        assertThat(current.indicatesSuccess()).as("the current refresh token is revoked too").isFalse();
        assertThat(((TokenErrorResponse) current).getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertRefused(bearer("/api/v1/me", second.getAccessToken().getValue()));
        assertThat(UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                second.getBearerAccessToken()).toHTTPRequest().send()).indicatesSuccess()).isFalse();
        assertThat(db.sql("SELECT count(*) FROM oauth2_authorization WHERE id = ?").param(authorization)
                .query(Integer.class).single()).isZero();

        String accountId = db.sql("SELECT account_id FROM person_account WHERE mobile = '13700000004'")
                .query(String.class).single();
        assertThat(output.getOut()).contains("refresh token reused: authorization " + authorization)
                .doesNotContain(first.getRefreshToken().getValue());
        String line = output.getOut().lines().filter(l -> l.contains("refresh token reused")).findFirst()
                .orElseThrow();
        assertThat(line).doesNotContain(accountId, "13700000004", "44030719920611004X", "赵丽");
    }

    @Test
    void anAccessTokenRevokedOnAnotherNodeIsRefusedWithinAboutASecond() throws Exception {
        var browser = new Browser(base);
        Flow app = flow("mobile-app", APP_REDIRECT, new Scope("openid", "profile"));
        String callback = browser.follow(app.request().toString(), APP_REDIRECT, "13700000004", PASSWORD);
        TokenResponse login = exchangePublic("mobile-app", new AuthorizationCodeGrant(code(app, callback),
                URI.create(APP_REDIRECT), app.verifier()));
        String token = login.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);

        db.sql("INSERT INTO oidc_revoked_token (jti, expires_at) VALUES (?, now() + interval '1 hour')")
                .param(SignedJWT.parse(token).getJWTClaimsSet().getJWTID()).update();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertRefused(bearer("/api/v1/me", token)));
    }

    @Test
    void aConfidentialClientsRefreshTokenIsNotRotatedAndKeepsWorking() throws Exception {
        var browser = new Browser(base);
        OIDCTokens tokens = deptLogin(browser, flow("dept-system", DEPT_REDIRECT, new Scope("openid")));
        for (int i = 0; i < 3; i++) {
            TokenResponse refreshed = exchange(DEPT, new RefreshTokenGrant(tokens.getRefreshToken()));
            assertThat(refreshed.indicatesSuccess()).isTrue();
            assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken().getValue())
                    .isEqualTo(tokens.getRefreshToken().getValue());
        }
    }
}
