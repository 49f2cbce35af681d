package org.yiwang.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
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
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
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
 * introspection, revocation), where the user is the citizen logged in on the portal or, for a client that signs in
 * staff, the staff member logged in at {@code /login} (single sign-on either way; an anonymous user is sent to that
 * login and back, see {@link SignInAudience}); and {@code /api/v1/me/**} (persons), {@code /api/v1/staff/**} (staff)
 * and {@code /api/v1/system/**} (client credentials with scope {@code api}), which take only bearer tokens of this
 * issuer. Clients, authorizations and consents are kept in PostgreSQL; the provider's endpoints see only enabled
 * clients.
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

    static final String ACCOUNT_TYPE_CLIENT = "client";
    /** Account types of tokens that stand for a person: themselves, or acting for an enterprise. */
    static final List<String> PERSON_ACCOUNT_TYPES = List.of(PersonClaims.ACCOUNT_TYPE_PERSON, "enterprise", "agent");
    /** The staff login page, where a client signing in staff sends an anonymous user. */
    static final String STAFF_LOGIN = "/login";

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

    /** Reads every client, a disabled one too, so that its stored authorizations can still be read and revoked. */
    @Bean
    AuthorizationStore authorizationService(JdbcTemplate jdbc, JdbcClient jdbcClient,
            RegisteredClientRepository clients, RevokedTokens revoked) {
        return new AuthorizationStore(jdbc, jdbcClient, clients, revoked);
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
     * Validates tokens of this issuer: RS256 with a published key, not expired (30 s leeway), our {@code iss}, issued to
     * a client that is still enabled, not revoked ({@link RevokedTokens}), and for a token acting for an enterprise
     * ({@code credit_code}), that the person may still act for it in that role and scope ({@code agent_scope}), so a
     * revoked or expired agent's token, or one whose scope has changed since, is refused at once although it has not
     * expired.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Issuer issuer, Enterprises enterprises, RevokedTokens revoked,
            RegisteredClientRepository clients) {
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
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(decoder, kid -> keys.published().stream().anyMatch(k -> kid.equals(k.getKeyID())),
                new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), ourIssuer, new EnabledClients(clients).validator(),
                stillActing, revoked.validator()));
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(SigningKeys keys, PersonClaims claims, StaffTokenAccounts staff) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys.signingSource()));
        jwt.setJwtCustomizer(accountClaims(claims, staff));
        return new DelegatingOAuth2TokenGenerator(jwt, PublicClientRefresh.tokens());
    }

    /**
     * ID token: the person's or staff member's claims. Access token, for resource servers: a person's {@code acr},
     * {@code account_type} and, acting for an enterprise, {@code credit_code} and {@code agent_scope}; a staff
     * member's {@code account_type}, {@code department}, {@code region} and {@code roles}.
     */
    private static OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(PersonClaims personClaims,
            StaffTokenAccounts staff) {
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim("account_type", ACCOUNT_TYPE_CLIENT);
                return;
            }
            boolean isStaff = StaffTokenAccounts.isStaff(context.getPrincipal());
            Map<String, Object> claims = isStaff ? staff.claims(context.getPrincipal())
                    : personClaims.of(context.getPrincipal(), context.getAuthorizedScopes(),
                            context.getRegisteredClient().getScopes());
            if (claims.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account is no longer active.", null));
            }
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                claims.forEach(context.getClaims()::claim);
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                List<String> released = isStaff ? List.of("account_type", "department", "region", "roles")
                        : List.of("acr", "account_type", "credit_code", "agent_scope");
                released.stream().filter(claims::containsKey)
                        .forEach(name -> context.getClaims().claim(name, claims.get(name)));
            }
        };
    }

    @Bean
    @Order(-2)
    SecurityFilterChain authorizationServer(HttpSecurity http, PersonSessions sessions,
            RegisteredClientRepository allClients, OidcClients oidcClients, PersonDirectory directory,
            PersonClaims claims, StaffTokenAccounts staff, AuthorizationServerSettings settings) throws Exception {
        var server = new OAuth2AuthorizationServerConfigurer();
        var clients = new EnabledClients(allClients);
        var authorize = PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint());
        var audience = new SignInAudience(settings.getAuthorizationEndpoint(), settings.getOidcLogoutEndpoint(),
                clients);
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .registeredClientRepository(clients)
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
                            Map<String, Object> released = StaffTokenAccounts.isStaff(principal)
                                    ? staff.claims(principal)
                                    : claims.of(principal, context.getAccessToken().getScopes(),
                                            oidcClients.registeredScopes(authorization.getRegisteredClientId()));
                            if (released.isEmpty()) {
                                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
                            }
                            return new OidcUserInfo(released);
                        }))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(audience.contexts(
                        new PersonAuthorizationContext(sessions.contextRepository()),
                        new StaffAuthorizationContext(staff))))
                .requestCache(cache -> cache.requestCache(audience.requestCache()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(STAFF_LOGIN),
                                audience.staffRequests())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/account/login"),
                                authorize))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .addFilterBefore(new StepUp(settings.getAuthorizationEndpoint(), clients, directory),
                        AbstractPreAuthenticatedProcessingFilter.class);
        return http.build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain bearerTokenApi(HttpSecurity http, MessageSource messages, JsonMapper json,
            StaffTokenAccounts staff) throws Exception {
        BearerProblems problems = new BearerProblems(messages, json);
        String type = BearerAuthentications.ACCOUNT_TYPE;
        http.securityMatcher("/api/v1/me", "/api/v1/me/**", "/api/v1/system/**", "/api/v1/staff/**",
                        "/api/v1/applications", "/api/v1/applications/**", "/api/v1/cases", "/api/v1/cases/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/system/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(type + ACCOUNT_TYPE_CLIENT),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + OidcScopes.API)))
                        .requestMatchers("/api/v1/staff/**", "/api/v1/cases", "/api/v1/cases/**")
                        .hasAuthority(type + StaffTokenAccounts.ACCOUNT_TYPE_STAFF)
                        .anyRequest().hasAnyAuthority(PERSON_ACCOUNT_TYPES.stream().map(t -> type + t)
                                .toArray(String[]::new)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new BearerAuthentications(staff)))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
