package org.yiwang.license;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the licence module; texts in {@code i18n/license*.properties}. */
public enum LicenseError implements ErrorCode {
    LICENSE_ID_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_NOT_FOUND(HttpStatus.NOT_FOUND),
    LICENSE_TYPE_NOT_FOUND(HttpStatus.NOT_FOUND),
    LICENSE_TYPE_CODE_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_TYPE_EXISTS(HttpStatus.CONFLICT),
    LICENSE_TYPE_DEFINITION_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_TYPE_HOLDER_FIXED(HttpStatus.CONFLICT),
    LICENSE_TYPE_ITEM_NOT_FOUND(HttpStatus.BAD_REQUEST),
    LICENSE_TYPE_ITEM_NOT_LINKED(HttpStatus.NOT_FOUND),
    LICENSE_TYPE_ITEM_LINKED(HttpStatus.CONFLICT),
    LICENSE_TYPE_ITEM_HOLDER(HttpStatus.BAD_REQUEST),
    LICENSE_NOT_YOUR_DEPARTMENT(HttpStatus.FORBIDDEN),
    LICENSE_ROLE_REQUIRED(HttpStatus.FORBIDDEN),
    LICENSE_NOT_A_HOLDER(HttpStatus.FORBIDDEN),
    LICENSE_HOLDER_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_FIELD_MISSING(HttpStatus.BAD_REQUEST),
    LICENSE_REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    LICENSE_NOT_VALID(HttpStatus.CONFLICT),
    LICENSE_STATUS_ACTION_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_GRANT_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_GRANT_NOT_FOUND(HttpStatus.NOT_FOUND),
    LICENSE_GRANT_EXPIRED(HttpStatus.GONE),
    LICENSE_GRANT_REVOKED(HttpStatus.GONE),
    LICENSE_FILE_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_IMPORT_INVALID(HttpStatus.BAD_REQUEST),
    LICENSE_IMPORT_ROW(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    LicenseError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
