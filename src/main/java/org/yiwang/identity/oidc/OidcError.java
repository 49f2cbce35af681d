package org.yiwang.identity.oidc;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the OpenID Connect provider, its client registration and the bearer-token API. */
public enum OidcError implements ErrorCode {
    IDENTITY_OIDC_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),
    IDENTITY_OIDC_NOT_A_PERSON(HttpStatus.FORBIDDEN),
    IDENTITY_OIDC_INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN),
    IDENTITY_OIDC_NOT_STAFF(HttpStatus.FORBIDDEN),
    IDENTITY_OIDC_NOT_A_CLIENT(HttpStatus.FORBIDDEN),
    IDENTITY_OIDC_CLIENT_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_CLIENT_ID_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_CLIENT_NAME_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_CLIENT_TYPE_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_REDIRECT_URI_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_REDIRECT_URI_MISSING(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_POST_LOGOUT_REDIRECT_URI_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_SCOPE_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_SCOPE_NOT_FOR_STAFF(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_GRANT_TYPE_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_GRANT_TYPE_MISSING(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_PUBLIC_CLIENT_CREDENTIALS(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_PUBLIC_CLIENT_SECRET(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_SIGNS_IN_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_MINIMUM_LEVEL_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_OIDC_CLIENT_EXISTS(HttpStatus.CONFLICT),
    IDENTITY_OIDC_CLIENT_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    OidcError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
