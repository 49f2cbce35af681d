package org.yiwang.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.identity.person.PersonDirectory;
import org.yiwang.identity.person.PersonSessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenID Connect provider (Spring Authorization Server) and the bearer-token API. Two filter chains ahead of the
 * citizens' and the staff chains: the provider's endpoints (discovery, JWKS, authorize, token, userinfo, logout,
 * introspection, revocation), where the logged-in citizen of the portal is the user (single sign-on) and an anonymous
 * one is sent to {@code /account/login} and back; and {@code /api/v1/me/**} and {@code /api/v1/system/**}, which take
 * only bearer tokens of this issuer. Clients, authorizations and consents are kept in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

    static final String ACCOUNT_TYPE_CLIENT = "client";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Issuer issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        issuer.configured().ifPresent(settings::issuer);
        return settings.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new CachedClientRepository(new JdbcRegisteredClientRepository(jdbc), Clock.systemUTC());
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
            RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** The published keys (JWKS endpoint). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.publishedSource();
    }

    /**
     * Validates tokens of this issuer: RS256 with a published key, not expired (30 s leeway), our {@code iss}, and for
     * a token acting for an enterprise ({@code credit_code}), that the person may still act for it in that role and
     * scope ({@code agent_scope}), so a revoked or expired agent's token, or one whose scope has changed since, is
     * refused at once although it has not expired.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Issuer issuer, Enterprises enterprises) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.publishedSource()));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> ourIssuer = jwt -> issuer.current()
                .filter(expected -> jwt.getIssuer() != null && expected.equals(jwt.getIssuer().toString()))
                .map(ok -> OAuth2TokenValidatorResult.success())
                .orElseGet(() -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "issuer not accepted", null)));
        OAuth2TokenValidator<Jwt> stillActing = jwt -> {
            String creditCode = jwt.getClaimAsString("credit_code");
            boolean ok = creditCode == null || enterprises.acting(new AccountId(jwt.getSubject()), creditCode)
                    .filter(a -> a.role().accountType().equals(jwt.getClaimAsString("account_type"))
                            && a.scope().name().equals(jwt.getClaimAsString("agent_scope"))).isPresent();
            return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "no longer authorised for the enterprise", null));
        };
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), ourIssuer, stillActing));
        return decoder;
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(SigningKeys keys, PersonClaims claims) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys.signingSource()));
        jwt.setJwtCustomizer(personClaims(claims));
        return new DelegatingOAuth2TokenGenerator(jwt, PublicClientRefresh.tokens());
    }

    /**
     * ID token: the person claims; access token: {@code acr}, {@code account_type} and, acting for an enterprise,
     * {@code credit_code} and {@code agent_scope}, for resource servers.
     */
    private static OAuth2TokenCustomizer<JwtEncodingContext> personClaims(PersonClaims personClaims) {
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim("account_type", ACCOUNT_TYPE_CLIENT);
                return;
            }
            Map<String, Object> claims = personClaims.of(context.getPrincipal(),
                    context.getAuthorizedScopes(), context.getRegisteredClient().getScopes());
            if (claims.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account is no longer active.", null));
            }
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                claims.forEach(context.getClaims()::claim);
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim("acr", claims.get("acr")).claim("account_type", claims.get("account_type"));
                if (claims.get("credit_code") != null) {
                    context.getClaims().claim("credit_code", claims.get("credit_code"))
                            .claim("agent_scope", claims.get("agent_scope"));
                }
            }
        };
    }

    @Bean
    @Order(-2)
    SecurityFilterChain authorizationServer(HttpSecurity http, PersonSessions sessions,
            RegisteredClientRepository clients, OidcClients oidcClients, PersonDirectory directory,
            PersonClaims claims, AuthorizationServerSettings settings) throws Exception {
        var server = new OAuth2AuthorizationServerConfigurer();
        var authorize = PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint());
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .clientAuthentication(client -> client
                                .authenticationConverter(PublicClientRefresh.converter())
                                .authenticationProviders(providers -> {
                                    providers.forEach(p -> {
                                        if (p instanceof ClientSecretAuthenticationProvider secrets) {
                                            secrets.setPasswordEncoder(ClientSecrets.ENCODER);
                                        }
                                    });
                                    providers.add(PublicClientRefresh.provider(clients));
                                }))
                        .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> {
                            var authorization = context.getAuthorization();
                            Authentication principal = authorization.getAttribute(Principal.class.getName());
                            if (principal == null) {
                                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
                            }
                            Map<String, Object> released = claims.of(principal,
                                    context.getAccessToken().getScopes(),
                                    oidcClients.registeredScopes(authorization.getRegisteredClientId()));
                            if (released.isEmpty()) {
                                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
                            }
                            return new OidcUserInfo(released);
                        }))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(
                        new PersonAuthorizationContext(sessions.contextRepository())))
                .requestCache(cache -> cache.requestCache(new AuthorizationRequestCache()))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/account/login"), authorize))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .addFilterBefore(new StepUp(settings.getAuthorizationEndpoint(), clients, directory),
                        AbstractPreAuthenticatedProcessingFilter.class);
        return http.build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain bearerTokenApi(HttpSecurity http, MessageSource messages, JsonMapper json) throws Exception {
        BearerProblems problems = new BearerProblems(messages, json);
        http.securityMatcher("/api/v1/me", "/api/v1/me/**", "/api/v1/system/**", "/api/v1/applications",
                        "/api/v1/applications/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/system/**").hasAuthority("SCOPE_" + OidcScopes.API)
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
