package org.yiwang.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the calendar says about one date.
 *
 * @param holiday the official holiday this date is a rest day of (e.g. 国庆节), or null
 * @param makeUpFor the holiday this weekend date is a make-up working day for (调休), or null
 */
public record CalendarDay(LocalDate date, boolean workingDay, @Nullable String holiday, @Nullable String makeUpFor) {
}
