package org.yiwang.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.yiwang.shared.BusinessException;

/**
 * The statutory working-day calendar, the one place that knows holidays. Monday–Friday is a working day unless the
 * official schedule makes it a rest day; a weekend day the schedule lists as a working day is one (调休). A date in
 * a year without a loaded schedule raises {@link CalendarError#CALENDAR_YEAR_NOT_LOADED}: it is never guessed.
 * Lookups run on an in-memory copy of the loaded schedules, replaced whenever a year is loaded.
 */
@Service
public class WorkingDayCalendar {

    /** Statutory dates are Beijing dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final HolidayRepository repository;
    private volatile Map<Integer, Map<LocalDate, HolidayRepository.StoredDay>> years = Map.of();

    WorkingDayCalendar(HolidayRepository repository) {
        this.repository = repository;
    }

    public boolean isWorkingDay(LocalDate date) {
        HolidayRepository.StoredDay listed = listedDays(date.getYear()).get(date);
        return listed == null ? !isWeekend(date) : !listed.offDay();
    }

    public CalendarDay day(LocalDate date) {
        HolidayRepository.StoredDay listed = listedDays(date.getYear()).get(date);
        if (listed == null) {
            return new CalendarDay(date, !isWeekend(date), null, null);
        }
        return listed.offDay() ? new CalendarDay(date, false, listed.name(), null)
                : new CalendarDay(date, true, null, listed.name());
    }

    /**
     * The date on which a period of {@code days} working days ends: counting starts on the day after {@code from}
     * (2025-09-26 + 5 = 2025-10-10); {@code days = 0} gives {@code from}.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new BusinessException(CalendarError.CALENDAR_NEGATIVE_DAYS, String.valueOf(days));
        }
        LocalDate date = from;
        for (int left = days; left > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * Number of working days in the half-open range ({@code from}, {@code to}]: {@code from} itself is not counted,
     * {@code to} is, so that {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}. Zero when both are equal.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BusinessException(CalendarError.CALENDAR_RANGE_REVERSED, from.toString(), to.toString());
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose official schedule is loaded, ascending. */
    public List<Integer> loadedYears() {
        return years.keySet().stream().sorted().toList();
    }

    public boolean isLoaded(int year) {
        return years.containsKey(year);
    }

    /** Whether this year's and, from November, next year's schedules are loaded. */
    public ScheduleCoverage coverage(LocalDate today) {
        return ScheduleCoverage.of(today, this);
    }

    /** Re-reads the loaded schedules from the database. */
    void refresh() {
        Map<Integer, Map<LocalDate, HolidayRepository.StoredDay>> fresh = new HashMap<>();
        repository.years().forEach(y -> fresh.put(y, new HashMap<>()));
        repository.days().forEach(d -> fresh.get(d.year()).put(d.date(), d));
        fresh.replaceAll((y, days) -> Map.copyOf(days));
        years = Map.copyOf(fresh);
    }

    private Map<LocalDate, HolidayRepository.StoredDay> listedDays(int year) {
        Map<LocalDate, HolidayRepository.StoredDay> days = years.get(year);
        if (days == null) {
            throw new BusinessException(CalendarError.CALENDAR_YEAR_NOT_LOADED, String.valueOf(year));
        }
        return days;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
