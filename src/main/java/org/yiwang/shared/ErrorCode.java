package org.yiwang.shared;

import org.springframework.http.HttpStatus;

/**
 * A stable, machine-readable error code. The code string never changes once released; the Chinese and English
 * texts live in {@code messages*.properties} under {@code error.<code>}.
 */
public interface ErrorCode {

    /** Stable code for programs, e.g. {@code CATALOG_PROMISED_EXCEEDS_STATUTORY}. */
    String code();

    HttpStatus status();
}
