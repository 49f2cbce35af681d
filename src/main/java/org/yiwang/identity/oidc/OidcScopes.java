package org.yiwang.identity.oidc;

import java.util.List;

/** The scopes a client may be registered for; nothing else. */
final class OidcScopes {

    static final String OPENID = "openid";
    static final String PROFILE = "profile";
    static final String PHONE = "phone";
    /** Release of the full ID number ({@code id_number}). */
    static final String IDCARD = "idcard";
    /** Reserved for acting for an enterprise (legal persons and agents). */
    static final String ENTERPRISE = "enterprise";
    static final String OFFLINE_ACCESS = "offline_access";
    /** System-to-system calls of the platform API. */
    static final String API = "api";

    static final List<String> ALL = List.of(OPENID, PROFILE, PHONE, IDCARD, ENTERPRISE, OFFLINE_ACCESS, API);
    /** Scopes releasing a person's data; a client signing in staff cannot be registered for them. */
    static final List<String> PERSON_ONLY = List.of(PHONE, IDCARD, ENTERPRISE);

    private OidcScopes() {
    }
}
