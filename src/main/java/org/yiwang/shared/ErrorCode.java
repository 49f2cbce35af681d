package org.yiwang.shared;

import org.springframework.http.HttpStatus;

/**
 * A stable, machine-readable error code, implemented by one enum per module whose constant names are the codes. The
 * code string never changes once released; the Chinese and English texts live in {@code i18n/<module>*.properties}
 * under {@code error.<code>}.
 */
public interface ErrorCode {

    /** Stable code for programs, e.g. {@code CATALOG_PROMISED_EXCEEDS_STATUTORY}: the enum constant's name. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    HttpStatus status();
}
