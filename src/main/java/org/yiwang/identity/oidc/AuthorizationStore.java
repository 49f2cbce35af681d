package org.yiwang.identity.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring's JDBC authorization store with two changes.
 *
 * <p>Saving is one statement, an upsert: the stock store first reads the whole authorization back (and deserialises
 * its attributes) only to choose between INSERT and UPDATE, which on a refresh doubled the work of the grant.
 *
 * <p>Refresh-token reuse detection (重放检测): when a save replaces an authorization's refresh token (clients whose
 * refresh tokens rotate, i.e. public clients), the same statement records the SHA-256 of the token it replaces in
 * {@code oidc_rotated_refresh_token}. A refresh token that is no longer current but is found there was used twice:
 * by the client and by someone who copied it, and it cannot be told which is which. The whole authorization is then
 * revoked — its current refresh token and access token, whose id goes to {@link RevokedTokens} so that the bearer API
 * refuses it at once — and the grant answers {@code invalid_grant}. The log line names the authorization and the
 * client, never the account.
 */
final class AuthorizationStore extends JdbcOAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStore.class);

    /** The columns in the order of Spring's parameters mapper. */
    private static final List<String> COLUMNS = List.of("id", "registered_client_id", "principal_name",
            "authorization_grant_type", "authorized_scopes", "attributes", "state",
            "authorization_code_value", "authorization_code_issued_at", "authorization_code_expires_at",
            "authorization_code_metadata", "access_token_value", "access_token_issued_at", "access_token_expires_at",
            "access_token_metadata", "access_token_type", "access_token_scopes", "oidc_id_token_value",
            "oidc_id_token_issued_at", "oidc_id_token_expires_at", "oidc_id_token_metadata", "refresh_token_value",
            "refresh_token_issued_at", "refresh_token_expires_at", "refresh_token_metadata", "user_code_value",
            "user_code_issued_at", "user_code_expires_at", "user_code_metadata", "device_code_value",
            "device_code_issued_at", "device_code_expires_at", "device_code_metadata");

    /** Records the refresh token being replaced (if any), then inserts or updates the authorization. */
    private static final String SAVE = """
            WITH rotated AS (
                INSERT INTO oidc_rotated_refresh_token (token_hash, authorization_id, expires_at)
                SELECT sha256(convert_to(refresh_token_value, 'UTF8')), id, refresh_token_expires_at
                FROM oauth2_authorization WHERE id = ? AND refresh_token_value <> ?
                ON CONFLICT (token_hash) DO NOTHING)
            INSERT INTO oauth2_authorization (%s) VALUES (%s)
            ON CONFLICT (id) DO UPDATE SET %s""".formatted(String.join(", ", COLUMNS),
            COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")),
            COLUMNS.stream().skip(1).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final RevokedTokens revoked;

    AuthorizationStore(JdbcOperations operations, JdbcClient jdbc, RegisteredClientRepository clients,
            RevokedTokens revoked) {
        super(operations, clients);
        this.jdbc = jdbc;
        this.clients = clients;
        this.revoked = revoked;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        List<SqlParameterValue> columns = getAuthorizationParametersMapper().apply(authorization);
        var refresh = authorization.getRefreshToken();
        List<Object> parameters = new ArrayList<>(columns.size() + 2);
        parameters.add(authorization.getId());
        parameters.add(refresh == null ? null : refresh.getToken().getTokenValue());
        parameters.addAll(columns);
        getJdbcOperations().update(SAVE, new ArgumentPreparedStatementSetter(parameters.toArray()));
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = super.findByToken(token, tokenType);
        if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            revokeIfReused(token);
        }
        return found;
    }

    private void revokeIfReused(String refreshToken) {
        jdbc.sql("SELECT authorization_id FROM oidc_rotated_refresh_token WHERE token_hash = ?")
                .param(sha256(refreshToken)).query(String.class).optional().ifPresent(id -> {
                    OAuth2Authorization family = findById(id);
                    if (family == null) {
                        log.warn("OIDC refresh token reused again after its authorization {} was revoked", id);
                        return;
                    }
                    OAuth2Authorization.Token<OAuth2AccessToken> access = family.getAccessToken();
                    if (access != null && access.getClaims() != null && access.getClaims().get("jti") != null) {
                        Instant expires = access.getToken().getExpiresAt();
                        revoked.revoke(String.valueOf(access.getClaims().get("jti")),
                                expires == null ? Instant.now() : expires);
                    }
                    remove(family);
                    RegisteredClient client = clients.findById(family.getRegisteredClientId());
                    log.warn("OIDC refresh token reused: authorization {} of client {} revoked with all its tokens",
                            id, client == null ? family.getRegisteredClientId() : client.getClientId());
                });
    }

    /** Deletes what can no longer be used: authorizations whose tokens have all expired, and their reuse records. */
    int deleteExpired(Instant now) {
        Timestamp at = Timestamp.from(now);
        int rotated = jdbc.sql("DELETE FROM oidc_rotated_refresh_token WHERE expires_at < ?").param(at).update();
        int authorizations = jdbc.sql("""
                DELETE FROM oauth2_authorization
                WHERE coalesce(authorization_code_expires_at, '-infinity') < :now
                  AND coalesce(access_token_expires_at, '-infinity') < :now
                  AND coalesce(oidc_id_token_expires_at, '-infinity') < :now
                  AND coalesce(refresh_token_expires_at, '-infinity') < :now""").param("now", at).update();
        return rotated + authorizations;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
