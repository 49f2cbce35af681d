package org.yiwang.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.identity.person.PersonalDataProtection;

/**
 * The token signing keys in {@code oidc_signing_key}: RSA 2048, RS256. One key is ACTIVE and signs every new token;
 * on rotation it becomes RETIRING (still published, so tokens it signed keep validating) and a new ACTIVE key is
 * created; a RETIRING key becomes RETIRED {@code yiwang.identity.oidc.key-retire-after} later, longer than any token
 * it signed lives. Rotation runs when the active key is older than {@code yiwang.identity.oidc.key-rotation-interval}
 * (checked hourly) or on demand ({@link #rotate()}); an advisory lock keeps concurrent instances from rotating twice.
 * Each instance caches the keys for a minute and re-reads them at once when it meets an unknown key id.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CACHE = Duration.ofMinutes(1);

    private record Cached(RSAKey active, List<JWK> published, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataProtection protection;
    private final Duration rotationInterval;
    private final Duration retireAfter;
    private final Clock clock = Clock.systemUTC();
    private volatile Cached cached;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, PersonalDataProtection protection,
            @Value("${yiwang.identity.oidc.key-rotation-interval:90d}") Duration rotationInterval,
            @Value("${yiwang.identity.oidc.key-retire-after:1h}") Duration retireAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.protection = protection;
        this.rotationInterval = rotationInterval;
        this.retireAfter = retireAfter;
    }

    /** The key that signs new tokens (with its private part). */
    RSAKey active() {
        return current(false).active();
    }

    /** Public parts of the ACTIVE and RETIRING keys: the JWKS. */
    List<JWK> published() {
        return current(false).published();
    }

    /** Source of the published keys; re-reads the database when asked for a key id it does not know. */
    JWKSource<SecurityContext> publishedSource() {
        return (JWKSelector selector, SecurityContext context) -> {
            List<JWK> found = selector.select(new com.nimbusds.jose.jwk.JWKSet(published()));
            if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null) {
                found = selector.select(new com.nimbusds.jose.jwk.JWKSet(current(true).published()));
            }
            return found;
        };
    }

    /** Source with only the active key, for signing. */
    JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new com.nimbusds.jose.jwk.JWKSet(active()));
    }

    /** Creates a new active key; the previous active key starts retiring. Returns the new key id. */
    public String rotate() {
        String kid = transactions.execute(status -> {
            lock();
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("UPDATE oidc_signing_key SET status = 'RETIRING', retiring_since = ? WHERE status = 'ACTIVE'")
                    .param(now).update();
            return insertNewKey(now);
        });
        log.info("Token signing key rotated; new key {}", kid);
        cached = null;
        return kid;
    }

    /** Hourly: a first key if none, rotation when the active key is due, retirement of keys that are done. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${yiwang.identity.oidc.key-check-interval:1h}")
    void maintain() {
        boolean changed = Boolean.TRUE.equals(transactions.execute(status -> {
            lock();
            Instant now = clock.instant();
            int retired = jdbc.sql("""
                    UPDATE oidc_signing_key SET status = 'RETIRED', retired_at = ?
                    WHERE status = 'RETIRING' AND retiring_since < ?""")
                    .params(Timestamp.from(now), Timestamp.from(now.minus(retireAfter))).update();
            var activeSince = jdbc.sql("SELECT created_at FROM oidc_signing_key WHERE status = 'ACTIVE'")
                    .query(Timestamp.class).optional();
            if (activeSince.isPresent() && activeSince.get().toInstant().plus(rotationInterval).isAfter(now)) {
                return retired > 0;
            }
            jdbc.sql("UPDATE oidc_signing_key SET status = 'RETIRING', retiring_since = ? WHERE status = 'ACTIVE'")
                    .param(Timestamp.from(now)).update();
            log.info("Token signing key {} created", insertNewKey(Timestamp.from(now)));
            return true;
        }));
        if (changed) {
            cached = null;
        }
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('oidc_signing_key'))").query().singleRow();
    }

    private String insertNewKey(Timestamp now) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String kid = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO oidc_signing_key (kid, status, public_key, private_key_enc, created_at)
                VALUES (?, 'ACTIVE', ?, ?, ?)""")
                .params(kid, pair.getPublic().getEncoded(),
                        protection.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())), now)
                .update();
        return kid;
    }

    private Cached current(boolean reload) {
        Cached c = cached;
        if (reload || c == null || c.loadedAt().plus(CACHE).isBefore(clock.instant())) {
            c = load();
            if (c.active() == null) {
                maintain();
                c = load();
            }
            cached = c;
        }
        return c;
    }

    private Cached load() {
        RSAKey[] active = {null};
        List<JWK> published = jdbc.sql("""
                SELECT kid, status, public_key, private_key_enc FROM oidc_signing_key
                WHERE status IN ('ACTIVE', 'RETIRING') ORDER BY created_at DESC""")
                .query((rs, row) -> {
                    RSAKey.Builder key = new RSAKey.Builder(publicKey(rs.getBytes("public_key")))
                            .keyID(rs.getString("kid")).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
                    if ("ACTIVE".equals(rs.getString("status"))) {
                        active[0] = key.privateKey(privateKey(rs.getBytes("private_key_enc"))).build();
                    }
                    return (JWK) key.privateKey((RSAPrivateKey) null).build();
                }).list();
        return new Cached(active[0], published, clock.instant());
    }

    private static RSAPublicKey publicKey(byte[] encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAPrivateKey privateKey(byte[] encrypted) {
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(protection.decrypt(encrypted));
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
