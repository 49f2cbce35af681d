package org.yiwang.identity.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes bearer tokens, verifying a token's signature only once: a client sends the same access token with every call
 * for its lifetime, and the RSA verification and parsing were a tenth of the work of an API call. What can change
 * while a token lives is checked on every request: that its signing key is still published (a retired key's tokens
 * are refused at once), and the validators (expiry, issuer, client enabled, enterprise authorisation, revocation).
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_ENTRIES = 20_000;

    private final JwtDecoder verifier;
    private final Predicate<String> keyPublished;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier checks the signature and parses
     * @param keyPublished whether the key of this id is still published
     * @param validator checks everything else
     */
    VerifiedTokens(JwtDecoder verifier, Predicate<String> keyPublished, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.keyPublished = keyPublished;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null || !keyPublished.test(String.valueOf(jwt.getHeaders().get("kid")))) {
            jwt = verifier.decode(token);
            remember(token, jwt);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            verified.values().removeIf(j -> j.getExpiresAt() == null || j.getExpiresAt().isBefore(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }
}
