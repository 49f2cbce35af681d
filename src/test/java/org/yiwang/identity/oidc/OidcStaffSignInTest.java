package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;

/**
 * Staff sign-in through OpenID Connect: a client registered for staff sends the browser to the staff login
 * {@code /login} and back; its tokens carry an opaque subject and the staff member's department, region and roles;
 * the bearer API turns them into the staff account, and keeps staff and citizen tokens to their own endpoints.
 */
@IntegrationTest
class OidcStaffSignInTest extends OidcTestSupport {

    static final String WINDOW_REDIRECT = "http://localhost:8082/login/oauth2/code/yiwang";
    static final ClientAuthentication WINDOW = new ClientSecretBasic(new ClientID("window-system"),
            new Secret("window-system-secret"));

    @Autowired
    StaffSubjects subjects;

    OIDCTokens staffLogin(Browser browser, Flow flow, StaffLogin.Account account) throws Exception {
        String callback = browser.followAsStaff(flow.request().toString(), WINDOW_REDIRECT, account);
        TokenResponse response = exchange(WINDOW, new AuthorizationCodeGrant(code(flow, callback),
                URI.create(WINDOW_REDIRECT), flow.verifier()));
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    @Test
    void aStaffClientLogsTheStaffMemberInAtTheStaffLoginAndReleasesStaffClaims() throws Exception {
        var browser = new Browser(base);
        Flow flow = flow("window-system", WINDOW_REDIRECT, new Scope("openid", "profile", "offline_access"));
        StaffLogin.Account admin = StaffLogin.like(context, "admin");
        OIDCTokens tokens = staffLogin(browser, flow, admin);
        assertThat(browser.visited).anyMatch(url -> url.endsWith("/login"))
                .noneMatch(url -> url.contains("/account/login"));

        IDTokenClaimsSet id = validate(tokens, "window-system", flow.nonce());
        assertThat(id.getSubject().getValue()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo("admin")
                .isEqualTo(subjects.subjectOf(admin.username()));
        assertThat(id.getStringClaim("account_type")).isEqualTo("staff");
        assertThat(id.getStringClaim("name")).isEqualTo("测试admin");
        assertThat(id.getStringClaim("department")).isEqualTo("11440300MB2C94021Y");
        assertThat(id.getStringClaim("region")).isEqualTo("4403");
        assertThat(id.getStringListClaim("roles")).containsExactly("PLATFORM_ADMIN");
        assertThat(id.toJSONObject()).doesNotContainKeys("acr", "phone_number", "id_number", "credit_code");
        assertThat(tokens.getIDTokenString() + tokens.getAccessToken().getValue())
                .doesNotContain("\"" + admin.username() + "\"");

        UserInfo info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
        assertThat(info.getSubject()).isEqualTo(id.getSubject());
        assertThat(info.getStringClaim("department")).isEqualTo("11440300MB2C94021Y");

        HttpResponse<String> me = bearer("/api/v1/staff/me", tokens.getAccessToken().getValue());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + admin.username() + "\"",
                "\"department\":\"11440300MB2C94021Y\"",
                "\"region\":\"4403\"", "\"roles\":[\"PLATFORM_ADMIN\"]");

        HttpResponse<String> asPerson = bearer("/api/v1/me", tokens.getAccessToken().getValue());
        assertThat(asPerson.statusCode()).isEqualTo(403);
        assertThat(asPerson.body()).contains("\"code\":\"IDENTITY_OIDC_NOT_A_PERSON\"");

        TokenResponse refreshed = exchange(WINDOW, new RefreshTokenGrant(tokens.getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(bearer("/api/v1/staff/me", refreshed.toSuccessResponse().getTokens().getAccessToken().getValue())
                .statusCode()).isEqualTo(200);

        Flow again = flow("window-system", WINDOW_REDIRECT, new Scope("openid"));
        assertThat(browser.followAsStaff(again.request().toString(), WINDOW_REDIRECT, null))
                .as("single sign-on for staff").startsWith(WINDOW_REDIRECT).contains("code=");
    }

    @Test
    void citizensAndStaffStayApart() throws Exception {
        var citizen = new Browser(base);
        OIDCTokens citizenTokens = deptLogin(citizen, flow("dept-system", DEPT_REDIRECT, new Scope("openid")));
        HttpResponse<String> refused = bearer("/api/v1/staff/me", citizenTokens.getAccessToken().getValue());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"IDENTITY_OIDC_NOT_STAFF\"");

        Flow staffClient = flow("window-system", WINDOW_REDIRECT, new Scope("openid"));
        assertThat(citizen.follow(staffClient.request().toString(), WINDOW_REDIRECT, null, null))
                .as("a citizen's session is no staff login").endsWith("/login");

        var staff = new Browser(base);
        staffLogin(staff, flow("window-system", WINDOW_REDIRECT, new Scope("openid")),
                StaffLogin.like(context, "scjg-admin"));
        Flow citizenClient = flow("dept-system", DEPT_REDIRECT, new Scope("openid"));
        assertThat(staff.follow(citizenClient.request().toString(), DEPT_REDIRECT, null, null))
                .as("a staff session is no citizen login").contains("/account/login");

        HttpResponse<String> client = bearer("/api/v1/staff/me", clientCredentials().getValue());
        assertThat(client.statusCode()).isEqualTo(403);
    }

    @Test
    void aStaffTokenOfAnAccountThatNoLongerExistsIsRefusedAtOnce() throws Exception {
        String subject = subjects.subjectOf("left-" + UUID.randomUUID());
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.active().getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(base).subject(subject)
                .audience("window-system").issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("account_type", "staff")
                .claim("scope", List.of("openid")).build());
        jwt.sign(new RSASSASigner(keys.active()));
        HttpResponse<String> refused = bearer("/api/v1/staff/me", jwt.serialize());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":\"IDENTITY_OIDC_TOKEN_INVALID\"");
    }
}
