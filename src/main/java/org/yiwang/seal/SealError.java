package org.yiwang.seal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.ErrorCode;

/** Refusals of the seal module; texts in {@code i18n/seal*.properties}. */
public enum SealError implements ErrorCode {
    SEAL_NOT_AVAILABLE(HttpStatus.CONFLICT),
    SEAL_NOT_FOUND(HttpStatus.NOT_FOUND),
    SEAL_DOCUMENT_UNREADABLE(HttpStatus.BAD_REQUEST),
    SEAL_DOCUMENT_LOCKED(HttpStatus.CONFLICT),
    SEAL_PAGE_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    SEAL_STATUS_CONFLICT(HttpStatus.CONFLICT),
    SEAL_REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_INVALID(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_KEY_MISMATCH(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_UNTRUSTED(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_NOT_SM2(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_NOT_VALID_NOW(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_OTHER_SUBJECT(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_CA_CERTIFICATE(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_KEY_USAGE(HttpStatus.BAD_REQUEST),
    SEAL_IMPORT_DUPLICATE(HttpStatus.CONFLICT),
    SEAL_IMPORT_NAMES_TOO_LONG(HttpStatus.BAD_REQUEST),
    SEAL_NOT_YOUR_DEPARTMENT(HttpStatus.NOT_FOUND),
    SEAL_CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND),
    SEAL_CERTIFICATE_REVOKED(HttpStatus.CONFLICT),
    SEAL_REASON_TOO_LONG(HttpStatus.BAD_REQUEST),
    SEAL_SIGNER_REVOKED(HttpStatus.CONFLICT),
    SEAL_SIGNER_EXPIRED(HttpStatus.CONFLICT),
    SEAL_SIGNER_NOT_YET_VALID(HttpStatus.CONFLICT);

    /** The longest reason the registry keeps (its columns are {@code varchar(500)}). */
    static final int MAX_REASON = 500;

    private final HttpStatus status;

    SealError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** A reason for a status change or a revocation: required, at most {@link #MAX_REASON} characters, stripped. */
    static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(SEAL_REASON_REQUIRED);
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new BusinessException(SEAL_REASON_TOO_LONG, MAX_REASON);
        }
        return reason.strip();
    }
}
