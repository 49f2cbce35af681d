package org.yiwang.identity.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.identity.person.PersonDirectory;

/**
 * The claims about a person released in the ID token and by userinfo. {@code sub} is the opaque account id (set by
 * the token generator); {@code name}; {@code acr} the account's assurance level; {@code account_type};
 * {@code phone_number} masked unless the scope {@code phone} was granted; {@code id_number} only when the client is
 * registered for {@code idcard} and that scope was granted.
 */
@Component
class PersonClaims {

    static final String ACCOUNT_TYPE_PERSON = "person";
    /** Prefix of the authority naming the enterprise a person acts for. */
    static final String ACTING_FOR = "ACTING_FOR_";

    private final PersonDirectory directory;
    private final Enterprises enterprises;

    PersonClaims(PersonDirectory directory, Enterprises enterprises) {
        this.directory = directory;
        this.enterprises = enterprises;
    }

    /**
     * The claims, or none when the account no longer exists or is not active, or when the principal acts for an
     * enterprise it may no longer act for. Acting for one, {@code account_type} is {@code enterprise} (legal
     * representative) or {@code agent}, with {@code credit_code}, {@code enterprise_name} and {@code agent_scope}
     * (the current {@link org.yiwang.identity.AgentScope} by name; {@code ALL} for the representative).
     */
    Map<String, Object> of(Authentication principal, Set<String> granted, Set<String> registered) {
        String accountId = principal.getName();
        Optional<String> creditCode = principal.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ACTING_FOR)).map(a -> a.substring(ACTING_FOR.length()))
                .findFirst();
        Optional<ActingFor> acting = creditCode.flatMap(code -> enterprises.acting(new AccountId(accountId), code));
        if (creditCode.isPresent() && acting.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        directory.find(new AccountId(accountId)).filter(PersonDirectory.Entry::active).ifPresent(person -> {
            claims.put("sub", accountId);
            claims.put("name", person.name());
            claims.put("acr", person.level().acr());
            claims.put("account_type", acting.map(a -> a.role().accountType()).orElse(ACCOUNT_TYPE_PERSON));
            acting.ifPresent(a -> {
                claims.put("credit_code", a.creditCode());
                claims.put("enterprise_name", a.enterpriseName());
                claims.put("agent_scope", a.scope().name());
            });
            claims.put("phone_number", granted.contains(OidcScopes.PHONE) ? person.mobile() : person.maskedMobile());
            if (granted.contains(OidcScopes.IDCARD) && registered.contains(OidcScopes.IDCARD)) {
                claims.put("id_number", person.idNumber().value());
            }
        });
        return claims;
    }
}
