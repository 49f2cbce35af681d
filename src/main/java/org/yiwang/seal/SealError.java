package org.yiwang.seal;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the seal module; texts in {@code i18n/seal*.properties}. */
public enum SealError implements ErrorCode {
    SEAL_NOT_AVAILABLE(HttpStatus.CONFLICT),
    SEAL_NOT_FOUND(HttpStatus.NOT_FOUND),
    SEAL_DOCUMENT_UNREADABLE(HttpStatus.BAD_REQUEST),
    SEAL_PAGE_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    SEAL_STATUS_CONFLICT(HttpStatus.CONFLICT),
    SEAL_REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_INVALID(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_KEY_MISMATCH(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_UNTRUSTED(HttpStatus.BAD_REQUEST),
    SEAL_NOT_YOUR_DEPARTMENT(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    SealError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
