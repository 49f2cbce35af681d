package org.yiwang.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.yiwang.calendar.WorkingDayCalendar;

/**
 * The one clock of case handling: every time stamp and every "today" of a time limit comes from it. It follows the
 * system clock; tests of this package move it to a fixed instant ({@link #fix}) and back ({@link #reset}).
 * Dates are Beijing dates ({@link WorkingDayCalendar#ZONE}).
 */
@Component
public class CaseClock extends Clock {

    private volatile Clock delegate = Clock.system(WorkingDayCalendar.ZONE);

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), WorkingDayCalendar.ZONE);
    }

    void fix(Instant instant) {
        delegate = Clock.fixed(instant, WorkingDayCalendar.ZONE);
    }

    void reset() {
        delegate = Clock.system(WorkingDayCalendar.ZONE);
    }
}
