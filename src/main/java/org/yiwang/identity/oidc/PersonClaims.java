package org.yiwang.identity.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;
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

    private final PersonDirectory directory;

    PersonClaims(PersonDirectory directory) {
        this.directory = directory;
    }

    /** The claims, or none when the account no longer exists or is not active. */
    Map<String, Object> of(String accountId, Set<String> granted, Set<String> registered) {
        Map<String, Object> claims = new LinkedHashMap<>();
        directory.find(new AccountId(accountId)).filter(PersonDirectory.Entry::active).ifPresent(person -> {
            claims.put("sub", accountId);
            claims.put("name", person.name());
            claims.put("acr", person.level().acr());
            claims.put("account_type", ACCOUNT_TYPE_PERSON);
            claims.put("phone_number", granted.contains(OidcScopes.PHONE) ? person.mobile() : person.maskedMobile());
            if (granted.contains(OidcScopes.IDCARD) && registered.contains(OidcScopes.IDCARD)) {
                claims.put("id_number", person.idNumber().value());
            }
        });
        return claims;
    }
}
