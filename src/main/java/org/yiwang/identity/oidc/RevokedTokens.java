package org.yiwang.identity.oidc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
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
 * expired anyway. The list is read into memory again when it is older than {@link #REFRESH}, so that a request does
 * not take a connection of its own to ask: a revocation made on this node applies at once, one made on another node
 * within about that time.
 */
@Component
class RevokedTokens {

    static final Duration REFRESH = Duration.ofSeconds(1);

    private record Snapshot(Set<String> jtis, long readAtNanos) {

        boolean stale() {
            return System.nanoTime() - readAtNanos > REFRESH.toNanos();
        }
    }

    private final JdbcClient jdbc;
    /** Revoked on this node, until they expire. */
    private final Map<String, Instant> revokedHere = new ConcurrentHashMap<>();
    private final ReentrantLock reading = new ReentrantLock();
    private volatile @Nullable Snapshot snapshot;

    RevokedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void revoke(String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO oidc_revoked_token (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")
                .params(jti, Timestamp.from(expiresAt)).update();
        revokedHere.put(jti, expiresAt);
    }

    boolean isRevoked(String jti) {
        if (revokedHere.containsKey(jti)) {
            return true;
        }
        Snapshot current = snapshot;
        if (current == null || current.stale()) {
            current = refresh(current == null);
        }
        return current.jtis().contains(jti);
    }

    /**
     * Reads the list again; a caller finding another one reading goes on with the list it has, unless there is none
     * yet.
     */
    private Snapshot refresh(boolean mustWait) {
        if (mustWait) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return Objects.requireNonNull(snapshot);
        }
        try {
            Snapshot current = snapshot;
            if (current == null || current.stale()) {
                long at = System.nanoTime();
                current = new Snapshot(Set.copyOf(jdbc.sql(
                        "SELECT jti FROM oidc_revoked_token WHERE expires_at > now()").query(String.class).list()), at);
                snapshot = current;
            }
            return current;
        } finally {
            reading.unlock();
        }
    }

    int deleteExpired(Instant now) {
        revokedHere.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        return jdbc.sql("DELETE FROM oidc_revoked_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
    }

    /** Refuses a revoked token. */
    OAuth2TokenValidator<Jwt> validator() {
        return jwt -> jwt.getId() != null && isRevoked(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "revoked", null))
                : OAuth2TokenValidatorResult.success();
    }
}
