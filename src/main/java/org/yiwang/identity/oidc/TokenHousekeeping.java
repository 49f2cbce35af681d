package org.yiwang.identity.oidc;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, every {@code yiwang.identity.oidc.cleanup-interval} (1 hour), authorizations whose codes and tokens have
 * all expired, and the reuse and revocation records of tokens that have expired. Spring's store never deletes an
 * authorization, so without this the table — one row per client-credentials token — only grows.
 */
@Component
class TokenHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(TokenHousekeeping.class);

    private final AuthorizationStore authorizations;
    private final RevokedTokens revoked;

    TokenHousekeeping(AuthorizationStore authorizations, RevokedTokens revoked) {
        this.authorizations = authorizations;
        this.revoked = revoked;
    }

    @Scheduled(initialDelayString = "${yiwang.identity.oidc.cleanup-interval:1h}",
            fixedDelayString = "${yiwang.identity.oidc.cleanup-interval:1h}")
    void deleteExpired() {
        Instant now = Instant.now();
        int deleted = authorizations.deleteExpired(now) + revoked.deleteExpired(now);
        if (deleted > 0) {
            log.info("OIDC housekeeping: {} expired authorizations and token records deleted", deleted);
        }
    }
}
