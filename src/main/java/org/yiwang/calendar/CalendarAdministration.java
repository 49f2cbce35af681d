package org.yiwang.calendar;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Loading the official schedule of a year, as the State Council publishes it each autumn. */
@Service
public class CalendarAdministration {

    static final String SOURCE_ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final HolidayRepository repository;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate transactions;

    CalendarAdministration(HolidayRepository repository, WorkingDayCalendar calendar, TransactionTemplate transactions) {
        this.repository = repository;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    /**
     * Validates {@code schedule} as the schedule of {@code year} and replaces whatever that year had, in one
     * transaction, recording {@code loadedBy}. Nothing changes when the schedule is refused.
     */
    public LoadedYear loadYear(int year, HolidaySchedule schedule, String loadedBy) {
        schedule.validateFor(year);
        transactions.executeWithoutResult(tx -> {
            repository.lock();
            repository.replace(schedule, SOURCE_ADMIN, loadedBy);
        });
        calendar.refresh();
        log.info("Holiday schedule {} loaded by {} ({} days listed)", year, loadedBy, schedule.daysOrEmpty().size());
        return years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    /** Every loaded year with its origin. */
    public List<LoadedYear> years() {
        return repository.loadedYears();
    }
}
