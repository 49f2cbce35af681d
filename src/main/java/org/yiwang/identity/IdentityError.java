package org.yiwang.identity;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the identity module. */
public enum IdentityError implements ErrorCode {
    IDENTITY_ID_NUMBER_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_NAME_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_MOBILE_INVALID(HttpStatus.BAD_REQUEST),
    IDENTITY_PASSWORD_TOO_SHORT(HttpStatus.BAD_REQUEST),
    IDENTITY_PASSWORD_TOO_SIMPLE(HttpStatus.BAD_REQUEST),
    IDENTITY_PASSWORD_CONTAINS_PERSONAL_DATA(HttpStatus.BAD_REQUEST),
    IDENTITY_PASSWORD_MISMATCH(HttpStatus.BAD_REQUEST),
    IDENTITY_NOT_IN_POPULATION(HttpStatus.BAD_REQUEST),
    IDENTITY_ALREADY_REGISTERED(HttpStatus.CONFLICT),
    IDENTITY_MOBILE_TAKEN(HttpStatus.CONFLICT),
    IDENTITY_SMS_CODE_WRONG(HttpStatus.BAD_REQUEST),
    IDENTITY_SMS_CODE_EXPIRED(HttpStatus.BAD_REQUEST),
    IDENTITY_SMS_CODE_EXHAUSTED(HttpStatus.BAD_REQUEST),
    IDENTITY_SMS_TOO_FREQUENT(HttpStatus.TOO_MANY_REQUESTS),
    IDENTITY_SMS_ADDRESS_LIMIT(HttpStatus.TOO_MANY_REQUESTS),
    IDENTITY_SMS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    IDENTITY_LOGIN_FAILED(HttpStatus.UNAUTHORIZED),
    IDENTITY_SMS_LOGIN_FAILED(HttpStatus.UNAUTHORIZED),
    IDENTITY_LOGIN_LOCKED(HttpStatus.LOCKED),
    IDENTITY_ADDRESS_BLOCKED(HttpStatus.TOO_MANY_REQUESTS);

    private final HttpStatus status;

    IdentityError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
