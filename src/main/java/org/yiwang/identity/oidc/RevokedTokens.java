package org.yiwang.identity.oidc;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Access tokens revoked before they expire (by refresh-token reuse detection), by their {@code jti}: a JWT is checked
 * by signature and expiry alone, so the bearer API also asks this list. A row is kept until the token would have
 * expired anyway.
 */
@Component
class RevokedTokens {

    private final JdbcClient jdbc;

    RevokedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void revoke(String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO oidc_revoked_token (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")
                .params(jti, Timestamp.from(expiresAt)).update();
    }

    boolean isRevoked(String jti) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM oidc_revoked_token WHERE jti = ?)").param(jti)
                .query(Boolean.class).single();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM oidc_revoked_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
    }

    /** Refuses a revoked token. */
    OAuth2TokenValidator<Jwt> validator() {
        return jwt -> jwt.getId() != null && isRevoked(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "revoked", null))
                : OAuth2TokenValidatorResult.success();
    }
}
