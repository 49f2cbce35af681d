package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for public clients (mobile apps), which Spring Authorization Server does not issue by default: the
 * refresh-token request of a public client identifies it by {@code client_id} alone ({@link #converter()},
 * {@link #provider}), and {@link #tokens()} issues refresh tokens to every client registered for the grant. Public
 * clients are registered with {@code reuseRefreshTokens=false}, so each refresh token works once and is replaced.
 */
final class PublicClientRefresh {

    private PublicClientRefresh() {
    }

    static AuthenticationConverter converter() {
        return (HttpServletRequest request) -> {
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (!"POST".equals(request.getMethod()) || clientId == null
                    || !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(
                            request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                    Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()));
        };
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public @Nullable Authentication authenticate(Authentication authentication) {
                var token = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                        || !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(
                                token.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** Opaque refresh tokens (96 random bytes) for every client registered for the refresh-token grant. */
    static OAuth2TokenGenerator<OAuth2RefreshToken> tokens() {
        StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return (OAuth2TokenContext context) -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
                return null;
            }
            Instant now = Instant.now();
            return new OAuth2RefreshToken(values.generateKey(), now,
                    now.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        };
    }
}
