package org.yiwang.identity.oidc.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.identity.oidc.OidcError;
import org.yiwang.identity.person.PersonDirectory;
import org.yiwang.shared.BusinessException;

/**
 * The API reached with a bearer token of this issuer: {@code /api/v1/me}, the caller's own profile (a person's
 * token, also when acting for an enterprise), and {@code /api/v1/system/caller}, for system-to-system calls with a client-credentials token (scope
 * {@code api}).
 */
@RestController
class BearerApi {

    /** The caller's profile; the ID number masked. */
    record Me(String accountId, String name, String idNumber, int level, String levelLabel, String acr,
            String accountType, @Nullable String creditCode, @Nullable String enterpriseName) {
    }

    /** The calling system. */
    record Caller(String clientId, List<String> scopes) {
    }

    private static final Set<String> ACCOUNT_TYPES = Set.of("person", "enterprise", "agent");

    private final PersonDirectory directory;
    private final Enterprises enterprises;

    BearerApi(PersonDirectory directory, Enterprises enterprises) {
        this.directory = directory;
        this.enterprises = enterprises;
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        if (!ACCOUNT_TYPES.contains(token.getClaimAsString("account_type"))) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_NOT_A_PERSON);
        }
        PersonDirectory.Entry person = directory.find(new AccountId(token.getSubject()))
                .filter(PersonDirectory.Entry::active)
                .orElseThrow(() -> new BusinessException(OidcError.IDENTITY_OIDC_TOKEN_INVALID));
        // Acting for an enterprise is checked on every call: a revoked or expired authorisation refuses the token.
        String creditCode = token.getClaimAsString("credit_code");
        ActingFor acting = creditCode == null ? null : enterprises.acting(person.accountId(), creditCode)
                .filter(a -> a.role().accountType().equals(token.getClaimAsString("account_type")))
                .orElseThrow(() -> new BusinessException(OidcError.IDENTITY_OIDC_TOKEN_INVALID));
        return new Me(person.accountId().value(), person.name(), person.idNumber().masked(), person.level().rank(),
                person.level().label(), person.level().acr(), token.getClaimAsString("account_type"),
                acting == null ? null : acting.creditCode(), acting == null ? null : acting.enterpriseName());
    }

    @GetMapping("/api/v1/system/caller")
    Caller caller(@AuthenticationPrincipal Jwt token) {
        List<String> scopes = token.getClaimAsStringList("scope");
        return new Caller(token.getSubject(), scopes == null ? List.of() : scopes);
    }
}
