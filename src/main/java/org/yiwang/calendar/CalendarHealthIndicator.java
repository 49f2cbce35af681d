package org.yiwang.calendar;

import java.time.LocalDate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code calendar}: DOWN when this year has no schedule (time limits cannot be computed);
 * WARNING from 1 November when next year's schedule is missing, since cases accepted now end in it; UP otherwise.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

    /** Served with HTTP 200 and ordered between DOWN and UP, see {@code management.endpoint.health.status}. */
    static final Status WARNING = new Status("WARNING");

    private final WorkingDayCalendar calendar;

    CalendarHealthIndicator(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        return health(LocalDate.now(WorkingDayCalendar.ZONE));
    }

    Health health(LocalDate today) {
        ScheduleCoverage coverage = calendar.coverage(today);
        int year = coverage.year();
        Health.Builder health = switch (coverage.state()) {
            case CURRENT_YEAR_MISSING -> Health.down().withDetail("missingYear", year)
                    .withDetail("message", year + "年的法定节假日安排未加载，无法计算法定时限，请立即加载国务院办公厅公布的安排。");
            case NEXT_YEAR_OVERDUE -> Health.status(WARNING).withDetail("missingYear", year)
                    .withDetail("message", year + "年的法定节假日安排尚未加载，跨年的法定时限将无法计算；国务院办公厅公布后请及时加载。");
            case NEXT_YEAR_PENDING, COMPLETE -> Health.up();
        };
        return health.withDetail("loadedYears", calendar.loadedYears()).build();
    }
}
