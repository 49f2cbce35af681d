package org.yiwang.identity.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;
import org.yiwang.shared.RuleViolations.Violation;

/**
 * 接入系统登记: the clients (department systems, provincial portals, mobile apps) allowed to use the OpenID Connect
 * provider, registered by a platform administrator. Redirect URIs are matched exactly: https, or http on localhost,
 * or for a public (mobile) client a private-use scheme in reverse-domain form (RFC 8252); no wildcards, no fragment.
 * Scopes come from a fixed list. Every client must use PKCE with S256; public clients have no secret and their
 * refresh tokens are rotated on every use. A confidential client's secret is generated here, returned once and stored
 * only as a hash; rotating it replaces it at once.
 *
 * <p>Besides Spring's fields a client has three settings of its own: whom it signs in ({@link SignsIn}: citizens at
 * {@code /account/login}, or staff at {@code /login}), the lowest assurance level a citizen must have (else the
 * step-up page), and whether it is disabled. A disabled client is unknown to the provider; its authorizations are
 * deleted and its unexpired access tokens refused by the bearer API.
 */
@Service
public class OidcClients {

    private static final Logger log = LoggerFactory.getLogger(OidcClients.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

    static final String SIGNS_IN_SETTING = "settings.yiwang.client.signs-in";
    static final String MINIMUM_LEVEL_SETTING = "settings.yiwang.client.minimum-level";
    static final String DISABLED_SETTING = "settings.yiwang.client.disabled";

    public enum Type {
        /** Has a secret: a server-side department system. */
        CONFIDENTIAL,
        /** Cannot keep a secret: a mobile or single-page app. */
        PUBLIC
    }

    /** Whom a client logs in through the authorization endpoint. */
    public enum SignsIn {
        /** Natural persons, also acting for enterprises: the citizen login {@code /account/login}. */
        CITIZENS,
        /** Staff (工作人员) of departments: the staff login {@code /login}. */
        STAFF
    }

    /**
     * What a platform administrator registers (or changes; the type and the id cannot change, a missing
     * {@code signsIn} keeps the current one). {@code minimumLevel}: lowest assurance level of a citizen (2 to 5),
     * none if null.
     */
    public record Registration(@Nullable String clientId, @Nullable String name, @Nullable String type,
            @Nullable List<String> redirectUris, @Nullable List<String> postLogoutRedirectUris,
            @Nullable List<String> scopes, @Nullable List<String> grantTypes, @Nullable String signsIn,
            @Nullable Integer minimumLevel) {

        /** A registration of a client signing in citizens, without a minimum level. */
        public Registration(@Nullable String clientId, @Nullable String name, @Nullable String type,
                @Nullable List<String> redirectUris, @Nullable List<String> postLogoutRedirectUris,
                @Nullable List<String> scopes, @Nullable List<String> grantTypes) {
            this(clientId, name, type, redirectUris, postLogoutRedirectUris, scopes, grantTypes, null, null);
        }
    }

    /** A registered client as shown to administrators; never its secret. */
    public record Client(String clientId, String name, Type type, List<String> redirectUris,
            List<String> postLogoutRedirectUris, List<String> scopes, List<String> grantTypes, SignsIn signsIn,
            @Nullable Integer minimumLevel, boolean enabled, Instant registeredAt) {
    }

    /** The answer to a registration: the client and, for a confidential client, its secret, shown only this once. */
    public record Registered(Client client, @Nullable String clientSecret) {
    }

    private final RegisteredClientRepository repository;
    private final JdbcClient jdbc;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;

    OidcClients(RegisteredClientRepository repository, JdbcClient jdbc,
            @Value("${yiwang.identity.oidc.access-token-ttl:5m}") Duration accessTokenTtl,
            @Value("${yiwang.identity.oidc.refresh-token-ttl:8h}") Duration refreshTokenTtl) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    public Registered register(Registration registration) {
        return register(registration, ClientSecrets.generate());
    }

    /** Registers with a given secret (the demo clients); the secret is ignored for a public client. */
    Registered register(Registration registration, String secret) {
        String clientId = registration.clientId() == null ? "" : registration.clientId().strip();
        List<Violation> violations = new ArrayList<>();
        if (!CLIENT_ID.matcher(clientId).matches()) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_CLIENT_ID_INVALID, "clientId"));
        }
        Type type = type(registration.type(), violations);
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId).clientIdIssuedAt(Instant.now());
        if (type == Type.CONFIDENTIAL) {
            builder.clientSecret(ClientSecrets.ENCODER.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        SignsIn signsIn = signsIn(registration.signsIn(), SignsIn.CITIZENS, violations);
        apply(builder, registration, type, signsIn, false, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolations(OidcError.IDENTITY_OIDC_CLIENT_INVALID, violations);
        }
        if (repository.findByClientId(clientId) != null) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_EXISTS, clientId);
        }
        RegisteredClient client = builder.build();
        repository.save(client);
        log.info("OIDC client {} registered ({}, signs in {})", clientId, type, signsIn);
        return new Registered(view(client), type == Type.CONFIDENTIAL ? secret : null);
    }

    public Client update(String clientId, Registration registration) {
        RegisteredClient existing = require(clientId);
        Type type = typeOf(existing);
        List<Violation> violations = new ArrayList<>();
        if (registration.type() != null) {
            Type asked = type(registration.type(), violations);
            if (asked != null && asked != type) {
                violations.add(Violation.of(OidcError.IDENTITY_OIDC_CLIENT_TYPE_INVALID, "type"));
            }
        }
        SignsIn signsIn = signsIn(registration.signsIn(), signsIn(existing), violations);
        RegisteredClient.Builder builder = RegisteredClient.from(existing)
                .redirectUris(Set::clear).postLogoutRedirectUris(Set::clear).scopes(Set::clear)
                .authorizationGrantTypes(Set::clear);
        apply(builder, registration, type, signsIn, !enabled(existing), violations);
        if (!violations.isEmpty()) {
            throw new RuleViolations(OidcError.IDENTITY_OIDC_CLIENT_INVALID, violations);
        }
        RegisteredClient client = builder.build();
        repository.save(client);
        log.info("OIDC client {} changed", clientId);
        return view(client);
    }

    /** Replaces a confidential client's secret; the old one stops working at once. The new one is shown once. */
    public Registered rotateSecret(String clientId) {
        RegisteredClient existing = require(clientId);
        if (typeOf(existing) != Type.CONFIDENTIAL) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_PUBLIC_CLIENT_SECRET, clientId);
        }
        String secret = ClientSecrets.generate();
        RegisteredClient client = RegisteredClient.from(existing)
                .clientSecret(ClientSecrets.ENCODER.encode(secret)).build();
        repository.save(client);
        log.info("OIDC client {}: secret replaced", clientId);
        return new Registered(view(client), secret);
    }

    /**
     * Disables a client (its authorizations and consents are deleted: no refresh, no userinfo, and its access tokens
     * are refused by the bearer API) or enables it again.
     */
    @Transactional
    public Client setEnabled(String clientId, boolean enabled) {
        RegisteredClient existing = require(clientId);
        RegisteredClient client = RegisteredClient.from(existing)
                .clientSettings(ClientSettings.withSettings(existing.getClientSettings().getSettings())
                        .setting(DISABLED_SETTING, !enabled).build())
                .build();
        repository.save(client);
        if (!enabled) {
            int revoked = jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?")
                    .param(client.getId()).update();
            jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?").param(client.getId())
                    .update();
            log.info("OIDC client {} disabled; {} authorizations revoked", clientId, revoked);
        } else {
            log.info("OIDC client {} enabled", clientId);
        }
        return view(client);
    }

    public List<Client> list() {
        return jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id").query(String.class)
                .list().stream().map(this::require).map(OidcClients::view).toList();
    }

    public Optional<Client> find(String clientId) {
        return Optional.ofNullable(repository.findByClientId(clientId)).map(OidcClients::view);
    }

    boolean exists(String clientId) {
        return repository.findByClientId(clientId) != null;
    }

    private RegisteredClient require(String clientId) {
        RegisteredClient client = repository.findByClientId(clientId);
        if (client == null) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_NOT_FOUND, clientId);
        }
        return client;
    }

    private void apply(RegisteredClient.Builder builder, Registration r, Type type, SignsIn signsIn,
            boolean disabled, List<Violation> violations) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_CLIENT_NAME_INVALID, "name"));
        }
        Set<String> grants = values(r.grantTypes());
        if (grants.isEmpty()) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_GRANT_TYPE_MISSING, "grantTypes"));
        }
        grants.stream().filter(g -> !GRANT_TYPES.contains(g)).forEach(g ->
                violations.add(Violation.of(OidcError.IDENTITY_OIDC_GRANT_TYPE_INVALID, "grantTypes", g)));
        if (type == Type.PUBLIC && grants.contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_PUBLIC_CLIENT_CREDENTIALS, "grantTypes"));
        }
        Set<String> scopes = values(r.scopes());
        scopes.stream().filter(s -> !OidcScopes.ALL.contains(s)).forEach(s ->
                violations.add(Violation.of(OidcError.IDENTITY_OIDC_SCOPE_INVALID, "scopes", s)));
        if (signsIn == SignsIn.STAFF) {
            scopes.stream().filter(OidcScopes.PERSON_ONLY::contains).forEach(s ->
                    violations.add(Violation.of(OidcError.IDENTITY_OIDC_SCOPE_NOT_FOR_STAFF, "scopes", s)));
        }
        Set<String> redirects = values(r.redirectUris());
        Set<String> logoutRedirects = values(r.postLogoutRedirectUris());
        redirects.stream().filter(uri -> !validRedirect(uri, type)).forEach(uri ->
                violations.add(Violation.of(OidcError.IDENTITY_OIDC_REDIRECT_URI_INVALID, "redirectUris", uri)));
        logoutRedirects.stream().filter(uri -> !validRedirect(uri, type)).forEach(uri -> violations.add(
                Violation.of(OidcError.IDENTITY_OIDC_POST_LOGOUT_REDIRECT_URI_INVALID, "postLogoutRedirectUris",
                        uri)));
        if (grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()) && redirects.isEmpty()) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_REDIRECT_URI_MISSING, "redirectUris"));
        }
        Integer minimumLevel = r.minimumLevel();
        if (minimumLevel != null && (signsIn == SignsIn.STAFF || Arrays.stream(AssuranceLevel.values())
                .noneMatch(l -> l.rank() == minimumLevel))) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_MINIMUM_LEVEL_INVALID, "minimumLevel"));
        }
        if (!violations.isEmpty()) {
            return;
        }
        ClientSettings.Builder settings = ClientSettings.builder().requireProofKey(true)
                .requireAuthorizationConsent(false).setting(SIGNS_IN_SETTING, signsIn.name())
                .setting(DISABLED_SETTING, disabled);
        if (minimumLevel != null) {
            settings.setting(MINIMUM_LEVEL_SETTING, minimumLevel);
        }
        builder.clientName(name)
                .authorizationGrantTypes(set -> grants.forEach(g -> set.add(new AuthorizationGrantType(g))))
                .redirectUris(set -> set.addAll(redirects))
                .postLogoutRedirectUris(set -> set.addAll(logoutRedirects))
                .scopes(set -> set.addAll(scopes))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(refreshTokenTtl)
                        .reuseRefreshTokens(type == Type.CONFIDENTIAL)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
    }

    /** Absolute; https, or http only on this machine; a private-use scheme only for a public client; no wildcard. */
    private static boolean validRedirect(String uri, Type type) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "https".equals(scheme) || "http".equals(scheme) && LOCAL_HOSTS.contains(parsed.getHost());
        boolean app = type == Type.PUBLIC && PRIVATE_SCHEME.matcher(scheme).matches();
        return !uri.contains("*") && parsed.getFragment() == null && parsed.getRawUserInfo() == null
                && (web && parsed.getHost() != null || app);
    }

    private static @Nullable Type type(@Nullable String value, List<Violation> violations) {
        try {
            return Type.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_CLIENT_TYPE_INVALID, "type"));
            return null;
        }
    }

    private static SignsIn signsIn(@Nullable String value, SignsIn otherwise, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return SignsIn.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(OidcError.IDENTITY_OIDC_SIGNS_IN_INVALID, "signsIn"));
            return otherwise;
        }
    }

    private static Set<String> values(@Nullable List<String> list) {
        Set<String> values = new LinkedHashSet<>();
        if (list != null) {
            list.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(values::add);
        }
        return values;
    }

    private static Type typeOf(RegisteredClient client) {
        return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE) ? Type.PUBLIC
                : Type.CONFIDENTIAL;
    }

    /** Whom the client signs in; clients registered before the setting existed sign in citizens. */
    static SignsIn signsIn(RegisteredClient client) {
        return SignsIn.STAFF.name().equals(client.getClientSettings().getSetting(SIGNS_IN_SETTING)) ? SignsIn.STAFF
                : SignsIn.CITIZENS;
    }

    /** The lowest assurance level a citizen must have for this client, if it set one. */
    static OptionalInt minimumLevel(RegisteredClient client) {
        return client.getClientSettings().getSetting(MINIMUM_LEVEL_SETTING) instanceof Number level
                ? OptionalInt.of(level.intValue()) : OptionalInt.empty();
    }

    static boolean enabled(RegisteredClient client) {
        return !Boolean.TRUE.equals(client.getClientSettings().getSetting(DISABLED_SETTING));
    }

    private static Client view(RegisteredClient c) {
        OptionalInt level = minimumLevel(c);
        return new Client(c.getClientId(), c.getClientName(), typeOf(c), List.copyOf(c.getRedirectUris()),
                List.copyOf(c.getPostLogoutRedirectUris()), List.copyOf(c.getScopes()),
                c.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                signsIn(c), level.isPresent() ? level.getAsInt() : null, enabled(c),
                c.getClientIdIssuedAt() == null ? Instant.EPOCH : c.getClientIdIssuedAt());
    }

    /** The scopes a client is registered for, by its internal id (as stored in an authorization). */
    Set<String> registeredScopes(String registeredClientId) {
        RegisteredClient client = repository.findById(registeredClientId);
        return client == null ? Set.of() : client.getScopes();
    }
}
