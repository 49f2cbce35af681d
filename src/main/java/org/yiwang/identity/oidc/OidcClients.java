package org.yiwang.identity.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.yiwang.shared.BusinessException;

/**
 * 接入系统登记: the clients (department systems, provincial portals, mobile apps) allowed to use the OpenID Connect
 * provider, registered by a platform administrator. Redirect URIs are matched exactly: https, or http on localhost,
 * or for a public (mobile) client a private-use scheme in reverse-domain form (RFC 8252); no wildcards, no fragment.
 * Scopes come from a fixed list. Every client must use PKCE with S256; public clients have no secret and their
 * refresh tokens are rotated on every use. A confidential client's secret is generated here, returned once and stored
 * only as a hash.
 */
@Service
public class OidcClients {

    private static final Logger log = LoggerFactory.getLogger(OidcClients.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

    public enum Type {
        /** Has a secret: a server-side department system. */
        CONFIDENTIAL,
        /** Cannot keep a secret: a mobile or single-page app. */
        PUBLIC
    }

    /** What a platform administrator registers (or changes; the type and the id cannot change). */
    public record Registration(@Nullable String clientId, @Nullable String name, @Nullable String type,
            @Nullable List<String> redirectUris, @Nullable List<String> postLogoutRedirectUris,
            @Nullable List<String> scopes, @Nullable List<String> grantTypes) {
    }

    /** A registered client as shown to administrators; never its secret. */
    public record Client(String clientId, String name, Type type, List<String> redirectUris,
            List<String> postLogoutRedirectUris, List<String> scopes, List<String> grantTypes, Instant registeredAt) {
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
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_ID_INVALID);
        }
        if (repository.findByClientId(clientId) != null) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_EXISTS, clientId);
        }
        Type type = type(registration.type());
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId).clientIdIssuedAt(Instant.now());
        if (type == Type.CONFIDENTIAL) {
            builder.clientSecret(ClientSecrets.ENCODER.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        RegisteredClient client = apply(builder, registration, type).build();
        repository.save(client);
        log.info("OIDC client {} registered ({})", clientId, type);
        return new Registered(view(client), type == Type.CONFIDENTIAL ? secret : null);
    }

    public Client update(String clientId, Registration registration) {
        RegisteredClient existing = require(clientId);
        Type type = typeOf(existing);
        if (registration.type() != null && type(registration.type()) != type) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_TYPE_INVALID);
        }
        RegisteredClient.Builder builder = RegisteredClient.from(existing)
                .redirectUris(Set::clear).postLogoutRedirectUris(Set::clear).scopes(Set::clear)
                .authorizationGrantTypes(Set::clear);
        RegisteredClient client = apply(builder, registration, type).build();
        repository.save(client);
        log.info("OIDC client {} changed", clientId);
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

    private RegisteredClient.Builder apply(RegisteredClient.Builder builder, Registration r, Type type) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_NAME_INVALID);
        }
        Set<String> grants = values(r.grantTypes());
        if (grants.isEmpty()) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_GRANT_TYPE_INVALID, "");
        }
        grants.stream().filter(g -> !GRANT_TYPES.contains(g)).findFirst().ifPresent(g -> {
            throw new BusinessException(OidcError.IDENTITY_OIDC_GRANT_TYPE_INVALID, g);
        });
        if (type == Type.PUBLIC && grants.contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_PUBLIC_CLIENT_CREDENTIALS);
        }
        Set<String> scopes = values(r.scopes());
        scopes.stream().filter(s -> !OidcScopes.ALL.contains(s)).findFirst().ifPresent(s -> {
            throw new BusinessException(OidcError.IDENTITY_OIDC_SCOPE_INVALID, s);
        });
        Set<String> redirects = values(r.redirectUris());
        Set<String> logoutRedirects = values(r.postLogoutRedirectUris());
        redirects.forEach(uri -> checkRedirect(uri, type));
        logoutRedirects.forEach(uri -> checkRedirect(uri, type));
        if (grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()) && redirects.isEmpty()) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_REDIRECT_URI_MISSING);
        }
        return builder.clientName(name)
                .authorizationGrantTypes(set -> grants.forEach(g -> set.add(new AuthorizationGrantType(g))))
                .redirectUris(set -> set.addAll(redirects))
                .postLogoutRedirectUris(set -> set.addAll(logoutRedirects))
                .scopes(set -> set.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(refreshTokenTtl)
                        .reuseRefreshTokens(type == Type.CONFIDENTIAL)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
    }

    private static void checkRedirect(String uri, Type type) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_REDIRECT_URI_INVALID, uri);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "https".equals(scheme) || "http".equals(scheme) && LOCAL_HOSTS.contains(parsed.getHost());
        boolean app = type == Type.PUBLIC && PRIVATE_SCHEME.matcher(scheme).matches();
        if (uri.contains("*") || parsed.getFragment() != null || parsed.getRawUserInfo() != null
                || !(web && parsed.getHost() != null || app)) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_REDIRECT_URI_INVALID, uri);
        }
    }

    private static Type type(@Nullable String value) {
        try {
            return Type.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_TYPE_INVALID);
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

    private static Client view(RegisteredClient c) {
        return new Client(c.getClientId(), c.getClientName(), typeOf(c), List.copyOf(c.getRedirectUris()),
                List.copyOf(c.getPostLogoutRedirectUris()), List.copyOf(c.getScopes()),
                c.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                c.getClientIdIssuedAt() == null ? Instant.EPOCH : c.getClientIdIssuedAt());
    }

    /** The scopes a client is registered for, by its internal id (as stored in an authorization). */
    Set<String> registeredScopes(String registeredClientId) {
        RegisteredClient client = repository.findById(registeredClientId);
        return client == null ? Set.of() : client.getScopes();
    }
}
