package org.yiwang.identity.oidc.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.oidc.OidcError;
import org.yiwang.identity.person.PersonDirectory;
import org.yiwang.shared.BusinessException;

/**
 * The API reached with a bearer token of this issuer: {@code /api/v1/me}, the caller's own profile (a person's
 * token), and {@code /api/v1/system/caller}, for system-to-system calls with a client-credentials token (scope
 * {@code api}).
 */
@RestController
class BearerApi {

    /** The caller's profile; the ID number masked. */
    record Me(String accountId, String name, String idNumber, int level, String levelLabel, String acr) {
    }

    /** The calling system. */
    record Caller(String clientId, List<String> scopes) {
    }

    private final PersonDirectory directory;

    BearerApi(PersonDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        if (!"person".equals(token.getClaimAsString("account_type"))) {
            throw new BusinessException(OidcError.IDENTITY_OIDC_NOT_A_PERSON);
        }
        PersonDirectory.Entry person = directory.find(new AccountId(token.getSubject()))
                .filter(PersonDirectory.Entry::active)
                .orElseThrow(() -> new BusinessException(OidcError.IDENTITY_OIDC_TOKEN_INVALID));
        return new Me(person.accountId().value(), person.name(), person.idNumber().masked(), person.level().rank(),
                person.level().label(), person.level().acr());
    }

    @GetMapping("/api/v1/system/caller")
    Caller caller(@AuthenticationPrincipal Jwt token) {
        List<String> scopes = token.getClaimAsStringList("scope");
        return new Caller(token.getSubject(), scopes == null ? List.of() : scopes);
    }
}
