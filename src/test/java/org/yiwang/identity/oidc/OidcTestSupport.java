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
import org.yiwang.identity.enterprise.Enterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;

/**
 * What the OpenID Connect tests share: discovery against the running platform, authorization requests with PKCE,
 * code exchange with the Nimbus SDK, ID-token validation against the JWKS, and bearer calls.
 */
abstract class OidcTestSupport {


    static final String ID_NUMBER = "440304198503120013";
    static final String PASSWORD = "Citizen@2026";
    static final String DEPT_REDIRECT = "http://localhost:8081/login/oauth2/code/yiwang";
    static final String APP_REDIRECT = "cn.gov.yiwang.app:/oauth2/callback";
    static final ClientAuthentication DEPT = new ClientSecretBasic(new ClientID("dept-system"),
            new Secret("dept-system-secret"));

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    @Autowired
    SigningKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Enterprises enterprises;

    String base;
    OIDCProviderMetadata provider;

    @BeforeEach
    void discover() throws Exception {
        base = "http://localhost:" + port;
        provider = OIDCProviderMetadata.resolve(new Issuer(base));
    }

    /** One authorization request of a test, with its secrets. */
    record Flow(URI request, String redirect, CodeVerifier verifier, Nonce nonce, State state) {
    }

    Flow flow(String clientId, String redirect, Scope scope) {
        return flow(clientId, redirect, scope, null, null);
    }

    Flow flow(String clientId, String redirect, Scope scope, String acrValues, OIDCClaimsRequest claims) {
        var verifier = new CodeVerifier();
        var nonce = new Nonce();
        var state = new State();
        var builder = new AuthenticationRequest.Builder(ResponseType.CODE, scope, new ClientID(clientId),
                URI.create(redirect)).endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).claims(claims);
        if (acrValues != null) {
            builder.customParameter("acr_values", acrValues);
        }
        return new Flow(builder.build().toURI(), redirect, verifier, nonce, state);
    }

    AuthorizationCode code(Flow flow, String callback) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(callback));
        assertThat(response.indicatesSuccess()).as(callback).isTrue();
        assertThat(response.getState()).isEqualTo(flow.state());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    TokenResponse exchange(ClientAuthentication client, AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), client, grant)
                .toHTTPRequest().send());
    }

    TokenResponse exchangePublic(String clientId, AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(clientId),
                grant).toHTTPRequest().send());
    }

    IDTokenClaimsSet validate(OIDCTokens tokens, String clientId, Nonce nonce) throws Exception {
        return new IDTokenValidator(provider.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL()).validate(tokens.getIDToken(), nonce);
    }

    /** Logs in as the demo citizen through dept-system and returns the tokens. */
    OIDCTokens deptLogin(Browser browser, Flow flow) throws Exception {
        String callback = browser.follow(flow.request().toString(), DEPT_REDIRECT, ID_NUMBER, PASSWORD);
        TokenResponse response = exchange(DEPT, new AuthorizationCodeGrant(code(flow, callback),
                URI.create(DEPT_REDIRECT), flow.verifier()));
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    HttpResponse<String> bearer(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"code\":\"IDENTITY_OIDC_TOKEN_INVALID\"");
    }

    BearerAccessToken clientCredentials() throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), DEPT,
                new ClientCredentialsGrant(), new Scope("api")).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse().getTokens().getBearerAccessToken();
    }
}
