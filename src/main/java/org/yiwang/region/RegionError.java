package org.yiwang.region;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the region module. */
public enum RegionError implements ErrorCode {
    REGION_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    RegionError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
