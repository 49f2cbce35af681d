package org.yiwang.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.BusinessException;

/**
 * One year's official schedule as the State Council publishes it, in the format of the shipped files
 * ({@code calendar/holidays/<year>.json}): the rest days (节假日) and the weekend days that are working days (调休).
 * Days not listed follow the week: Monday–Friday work, Saturday and Sunday rest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HolidaySchedule(@Nullable Integer year, @Nullable List<String> papers, @Nullable List<Day> days) {

    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    /** A listed day: {@code isOffDay} true for a rest day, false for a make-up working day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(@Nullable String name, @Nullable LocalDate date, @JsonProperty("isOffDay") @Nullable Boolean isOffDay) {
    }

    public List<String> papersOrEmpty() {
        return papers == null ? List.of() : papers;
    }

    public List<Day> daysOrEmpty() {
        return days == null ? List.of() : days;
    }

    /**
     * This schedule without the days it lists outside its year. A notice sometimes names a day of the year before
     * (the 2023 notice lists Saturday 2022-12-31 for 元旦); only such days that restate the week are dropped.
     *
     * @throws IllegalArgumentException when a day outside the year would change that day
     */
    HolidaySchedule withoutDaysOutsideYear() {
        List<Day> inside = daysOrEmpty().stream().filter(d -> d.date() == null || year == null || d.date().getYear() == year)
                .toList();
        for (Day d : daysOrEmpty()) {
            if (!inside.contains(d) && d.isOffDay() != null && d.isOffDay() != WorkingDayCalendar.isWeekend(d.date())) {
                throw new IllegalArgumentException("Schedule " + year + " changes " + d.date() + " outside its year");
            }
        }
        return new HolidaySchedule(year, papers, inside);
    }

    /** Refuses a schedule that is not for {@code expectedYear} or that lists a day twice, outside the year or unnamed. */
    public void validateFor(int expectedYear) {
        checkYear(expectedYear);
        if (year == null || year != expectedYear) {
            throw new BusinessException(CalendarError.CALENDAR_YEAR_MISMATCH, String.valueOf(year), String.valueOf(expectedYear));
        }
        if (daysOrEmpty().isEmpty()) {
            throw new BusinessException(CalendarError.CALENDAR_SCHEDULE_EMPTY, String.valueOf(expectedYear));
        }
        Set<LocalDate> seen = new HashSet<>();
        int index = 0;
        for (Day d : daysOrEmpty()) {
            index++;
            if (d == null || d.date() == null || d.isOffDay() == null || d.name() == null || d.name().isBlank()) {
                throw new BusinessException(CalendarError.CALENDAR_DAY_INCOMPLETE, index);
            }
            if (d.date().getYear() != expectedYear) {
                throw new BusinessException(CalendarError.CALENDAR_DATE_OUTSIDE_YEAR, d.date().toString(), String.valueOf(expectedYear));
            }
            if (!seen.add(d.date())) {
                throw new BusinessException(CalendarError.CALENDAR_DUPLICATE_DATE, d.date().toString());
            }
        }
    }

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new BusinessException(CalendarError.CALENDAR_YEAR_OUT_OF_RANGE, String.valueOf(year),
                    String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
    }
}
