package org.yiwang.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads, at start-up, every schedule shipped in {@code calendar/holidays/} whose year the database does not hold yet
 * (a year loaded by an administrator is kept), then keeps the in-memory calendar in step with the database so that a
 * year loaded on another instance is seen here within the refresh interval.
 */
@Component
class ShippedSchedules implements ApplicationRunner, Ordered {

    static final String LOCATION = "classpath:calendar/holidays/*.json";

    private static final Logger log = LoggerFactory.getLogger(ShippedSchedules.class);

    private final HolidayRepository repository;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    ShippedSchedules(HolidayRepository repository, WorkingDayCalendar calendar, TransactionTemplate transactions,
            JsonMapper json) {
        this.repository = repository;
        this.calendar = calendar;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<HolidaySchedule> shipped = read();
        List<Integer> inserted = transactions.execute(tx -> {
            repository.lock();
            List<Integer> years = new ArrayList<>();
            for (HolidaySchedule s : shipped) {
                if (repository.insertIfAbsent(s, "classpath:calendar/holidays/" + s.year() + ".json", "system")) {
                    years.add(s.year());
                }
            }
            return years;
        });
        calendar.refresh();
        log.info("Working-day calendar: years {} loaded; shipped schedules added now: {}", calendar.loadedYears(),
                inserted);
    }

    @Scheduled(fixedDelayString = "${yiwang.calendar.refresh-interval:PT1M}",
            initialDelayString = "${yiwang.calendar.refresh-interval:PT1M}")
    void refresh() {
        calendar.refresh();
    }

    List<HolidaySchedule> read() throws IOException {
        List<HolidaySchedule> schedules = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            String name = r.getFilename();
            int year = Integer.parseInt(name.substring(0, name.length() - ".json".length()));
            try (InputStream in = r.getInputStream()) {
                HolidaySchedule schedule = json.readValue(in, HolidaySchedule.class).withoutDaysOutsideYear();
                schedule.validateFor(year);
                schedules.add(schedule);
            }
        }
        return schedules;
    }
}
