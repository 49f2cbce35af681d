package org.yiwang.department;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the department module. */
public enum DepartmentError implements ErrorCode {
    DEPARTMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    DEPARTMENT_ALREADY_EXISTS(HttpStatus.CONFLICT),
    DEPARTMENT_REGION_UNKNOWN(HttpStatus.BAD_REQUEST),
    DEPARTMENT_LEVEL_INVALID(HttpStatus.BAD_REQUEST),
    DEPARTMENT_FIELD_INVALID(HttpStatus.BAD_REQUEST),
    DEPARTMENT_CODE_MISMATCH(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    DepartmentError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
