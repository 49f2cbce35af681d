package org.yiwang.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * Whether the official schedules that time limits need are loaded, as of one day: this year's always; next year's
 * from 1 November, since cases accepted then end in it (the State Council usually publishes it in late autumn).
 *
 * @param year the year the state is about (the missing one, or next year when complete)
 */
public record ScheduleCoverage(State state, int year) {

    public enum State {
        /** Time limits cannot be computed at all. */
        CURRENT_YEAR_MISSING,
        /** It is November or December and next year is still missing. */
        NEXT_YEAR_OVERDUE,
        /** Next year is missing, but it is not yet November. */
        NEXT_YEAR_PENDING,
        COMPLETE
    }

    static ScheduleCoverage of(LocalDate today, WorkingDayCalendar calendar) {
        int year = today.getYear();
        if (!calendar.isLoaded(year)) {
            return new ScheduleCoverage(State.CURRENT_YEAR_MISSING, year);
        }
        if (!calendar.isLoaded(year + 1)) {
            return new ScheduleCoverage(today.getMonth().compareTo(Month.NOVEMBER) >= 0
                    ? State.NEXT_YEAR_OVERDUE : State.NEXT_YEAR_PENDING, year + 1);
        }
        return new ScheduleCoverage(State.COMPLETE, year + 1);
    }
}
