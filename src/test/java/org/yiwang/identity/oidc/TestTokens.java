package org.yiwang.identity.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Access tokens as this node's provider issues them, signed with its active key, for tests of APIs that take bearer
 * tokens without running a login.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A person's access token; with {@code creditCode}, acting for that enterprise as {@code accountType}. */
    public static String person(SigningKeys keys, String issuer, String accountId, String accountType,
            String creditCode) {
        try {
            RSAKey key = keys.active();
            var claims = new JWTClaimsSet.Builder().issuer(issuer).subject(accountId).audience("mobile-app")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .jwtID(UUID.randomUUID().toString()).claim("acr", "urn:yiwang:acr:3")
                    .claim("account_type", accountType).claim("scope", "openid");
            if (creditCode != null) {
                claims.claim("credit_code", creditCode).claim("agent_scope", "ALL");
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff member's access token, as a client signing in staff receives it. */
    public static String staff(ApplicationContext context, String issuer, String username) {
        try {
            RSAKey key = context.getBean(SigningKeys.class).active();
            var claims = new JWTClaimsSet.Builder().issuer(issuer)
                    .subject(context.getBean(StaffSubjects.class).subjectOf(username)).audience("window-system")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .jwtID(UUID.randomUUID().toString()).claim("account_type", "staff").claim("scope", "openid");
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials token of a connected system (not a person). */
    public static String client(SigningKeys keys, String issuer) {
        return person(keys, issuer, "dept-system", OidcConfiguration.ACCOUNT_TYPE_CLIENT, null);
    }
}
