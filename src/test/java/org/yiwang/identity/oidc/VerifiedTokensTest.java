package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final AtomicBoolean keyPublished = new AtomicBoolean(true);
    private final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        if (!keyPublished.get()) {
            throw new BadJwtException("no key k1");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").header("kid", "k1").subject("a").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build();
    }, kid -> keyPublished.get() && kid.equals("k1"), jwt -> revoked.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
            : OAuth2TokenValidatorResult.success());

    @Test
    void verifiesASignatureOnceButValidatesEveryTime() {
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("a");
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("a");
        assertThat(verifications).hasValue(1);

        revoked.set(true);
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class)
                .hasMessage("revoked");
    }

    @Test
    void refusesARememberedTokenOnceItsKeyIsWithdrawn() {
        tokens.decode("good-2");
        keyPublished.set(false);
        assertThatThrownBy(() -> tokens.decode("good-2")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void neverRemembersATokenThatFailedVerification() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
