package org.yiwang.calendar;

import org.springframework.http.HttpStatus;
import org.yiwang.shared.ErrorCode;

/** Refusals of the working-day calendar. */
public enum CalendarError implements ErrorCode {
    /** The official schedule of a year is needed but not loaded: never guessed from Monday–Friday. */
    CALENDAR_YEAR_NOT_LOADED(HttpStatus.UNPROCESSABLE_CONTENT),
    CALENDAR_NEGATIVE_DAYS(HttpStatus.BAD_REQUEST),
    CALENDAR_RANGE_REVERSED(HttpStatus.BAD_REQUEST),
    CALENDAR_YEAR_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    CALENDAR_YEAR_MISMATCH(HttpStatus.BAD_REQUEST),
    CALENDAR_SCHEDULE_EMPTY(HttpStatus.BAD_REQUEST),
    CALENDAR_DAY_INCOMPLETE(HttpStatus.BAD_REQUEST),
    CALENDAR_DATE_OUTSIDE_YEAR(HttpStatus.BAD_REQUEST),
    CALENDAR_DUPLICATE_DATE(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    CalendarError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
