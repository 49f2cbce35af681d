package org.yiwang.catalog;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the item search. */
public enum SearchError implements ErrorCode {
    CATALOG_SEARCH_TEXT_TOO_LONG(HttpStatus.BAD_REQUEST),
    CATALOG_SEARCH_INVALID_SIZE(HttpStatus.BAD_REQUEST),
    CATALOG_SEARCH_INVALID_PAGE(HttpStatus.BAD_REQUEST),
    CATALOG_SEARCH_PAGE_TOO_DEEP(HttpStatus.BAD_REQUEST),
    CATALOG_SEARCH_INVALID_DEPTH(HttpStatus.BAD_REQUEST),
    CATALOG_SEARCH_NOT_READY(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    SearchError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
