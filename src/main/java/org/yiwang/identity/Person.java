package org.yiwang.identity;

import java.io.Serializable;
import java.security.Principal;

/**
 * A logged-in natural person (自然人): what other modules may know about the citizen of the current request. The ID
 * number is deliberately absent; its principal name is the opaque {@link AccountId}.
 */
public record Person(AccountId accountId, String name, AssuranceLevel level) implements Principal, Serializable {

    @Override
    public String getName() {
        return accountId.value();
    }
}
