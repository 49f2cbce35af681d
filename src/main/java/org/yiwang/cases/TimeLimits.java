package org.yiwang.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.shared.BusinessException;

/**
 * Time limits of cases (限时办结, 行政许可法 art. 42, 45, 82), in statutory working days of the calendar module.
 * The promised completion date is the acceptance date + promised days + extensions + the working days the clock
 * stood still (corrections after acceptance, special procedures); a stop from day S to day E stops
 * {@code workingDaysBetween(S, E)} days, the working days in (S, E]. While the clock stands, the remaining days are
 * frozen at the day it stopped.
 */
@Component
class TimeLimits {

    /** What a case's clock says today. {@code remaining} is null before acceptance and after completion. */
    record Status(@Nullable Integer remaining, Warning warning, boolean stopped) {
        static final Status NONE = new Status(null, Warning.NONE, false);
    }

    private final WorkingDayCalendar calendar;
    private final CasesProperties properties;
    private final CaseProcedures procedures;

    TimeLimits(WorkingDayCalendar calendar, CasesProperties properties, CaseProcedures procedures) {
        this.calendar = calendar;
        this.properties = properties;
        this.procedures = procedures;
    }

    /**
     * Ends a clock stop (correction or special procedure) on {@code today}: the stopped working days are added and
     * the promised date moves; returns the changed columns (none if the clock was running).
     */
    java.util.Map<String, @Nullable Object> resume(CaseRecord c, LocalDate today, java.time.Instant now,
            String result) {
        java.util.Map<String, @Nullable Object> changes = new java.util.LinkedHashMap<>();
        LocalDate since = c.clockStoppedSince();
        if (since == null) {
            return changes;
        }
        int stopped = c.stoppedDays() + stoppedDays(since, today);
        changes.put("stopped_days", stopped);
        changes.put("clock_stopped_since", null);
        if (c.acceptedOn() != null) {
            LocalDate due = dueDate(c, c.extensionDays(), stopped);
            changes.put("due_date", due);
            if (!due.isBefore(today)) {
                changes.put("overdue_since", null);
            }
        }
        procedures.end(c.id(), today, now, result);
        return changes;
    }

    LocalDate dueDate(LocalDate acceptedOn, int promised, int extension, int stopped) {
        return calendar.addWorkingDays(acceptedOn, promised + extension + stopped);
    }

    LocalDate dueDate(CaseRecord c, int extension, int stopped) {
        return dueDate(java.util.Objects.requireNonNull(c.acceptedOn()), c.promisedDays(), extension, stopped);
    }

    int stoppedDays(LocalDate from, LocalDate to) {
        return to.isAfter(from) ? calendar.workingDaysBetween(from, to) : 0;
    }

    Status status(CaseRecord c, LocalDate today) {
        LocalDate due = c.dueDate();
        if (due == null || !CaseState.CLOCK_RUNNING.contains(c.state())) {
            return Status.NONE;
        }
        LocalDate stoppedSince = c.clockStoppedSince();
        LocalDate base = stoppedSince != null && stoppedSince.isBefore(today) ? stoppedSince : today;
        Integer remaining;
        try {
            remaining = base.isAfter(due) ? -calendar.workingDaysBetween(due, base)
                    : calendar.workingDaysBetween(base, due);
        } catch (BusinessException e) {
            // A year without an official schedule: the calendar's health check raises the alarm; show no count.
            return new Status(null, Warning.NONE, stoppedSince != null);
        }
        Warning warning = base.isAfter(due) ? Warning.RED
                : remaining <= properties.warning().yellowDays() ? Warning.YELLOW : Warning.NONE;
        return new Status(remaining, warning, stoppedSince != null);
    }
}
