package org.yiwang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.yiwang.IntegrationTest;
import org.yiwang.shared.BusinessException;

@IntegrationTest
class WorkingDayCalendarTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarAdministration administration;

    @Autowired
    ShippedSchedules shipped;

    @Autowired
    CalendarHealthIndicator health;

    @Test
    void addsWorkingDaysAcrossTheNationalDayHolidays() {
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-09-26"), 5)).isEqualTo("2025-10-10");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2024-09-30"), 3)).isEqualTo("2024-10-10");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-10-01"), 0)).isEqualTo("2025-10-01");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-10-06"), 1)).isEqualTo("2025-10-09");
    }

    @Test
    void countsTheWorkingDaysOfAYear() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2023-12-31"), LocalDate.parse("2024-12-31"))).isEqualTo(251);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-12-31"))).isEqualTo(248);
    }

    @Test
    void betweenCountsTheHalfOpenRangeAndInvertsAdding() {
        LocalDate from = LocalDate.parse("2025-09-26");
        assertThat(calendar.workingDaysBetween(from, from)).isZero();
        assertThat(calendar.workingDaysBetween(from, LocalDate.parse("2025-09-29"))).isEqualTo(2); // Sun 28 is make-up
        for (int n = 0; n <= 30; n++) {
            assertThat(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).isEqualTo(n);
        }
        assertThatThrownBy(() -> calendar.workingDaysBetween(from, from.minusDays(1)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CalendarError.CALENDAR_RANGE_REVERSED));
    }

    @Test
    void weekendMakeUpDaysAreWorkingDaysAndHolidaysAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-09-28"))).as("Sunday, make-up day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).as("Saturday, make-up day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-18"))).as("ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).as("Wednesday, National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-09"))).as("ordinary Thursday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2020-02-03"))).as("Monday listed as working day").isTrue();

        assertThat(calendar.day(LocalDate.parse("2024-10-01")))
                .isEqualTo(new CalendarDay(LocalDate.parse("2024-10-01"), false, "国庆节", null));
        assertThat(calendar.day(LocalDate.parse("2024-10-12")))
                .isEqualTo(new CalendarDay(LocalDate.parse("2024-10-12"), true, null, "国庆节"));
        assertThat(calendar.day(LocalDate.parse("2024-10-19")))
                .isEqualTo(new CalendarDay(LocalDate.parse("2024-10-19"), false, null, null));
    }

    @Test
    void aYearWithoutScheduleIsAnErrorNotAGuess() {
        assertThat(calendar.loadedYears()).contains(2020, 2021, 2022, 2023, 2024, 2025, 2026).doesNotContain(2027);
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2027-01-04")))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.error()).isEqualTo(CalendarError.CALENDAR_YEAR_NOT_LOADED);
                    assertThat(e.args()).containsExactly("2027");
                });
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.parse("2026-12-28"), 10))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CalendarError.CALENDAR_YEAR_NOT_LOADED));
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-31")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CalendarError.CALENDAR_YEAR_NOT_LOADED));
    }

    @Test
    void refusesNegativeDays() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.parse("2025-01-02"), -1))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CalendarError.CALENDAR_NEGATIVE_DAYS));
    }

    @Test
    void startUpLoadingIsIdempotentConcurrentAndKeepsAnAdministratorsYear() throws Exception {
        HolidaySchedule schedule2020 = shipped.read().stream().filter(s -> s.year() == 2020).findFirst().orElseThrow();
        administration.loadYear(2020, schedule2020, "test-admin");

        CompletableFuture<?> a = CompletableFuture.runAsync(() -> runShipped());
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> runShipped());
        CompletableFuture.allOf(a, b).get();

        assertThat(administration.years()).filteredOn(y -> y.year() == 2020).singleElement()
                .satisfies(y -> {
                    assertThat(y.loadedBy()).isEqualTo("test-admin");
                    assertThat(y.source()).isEqualTo("admin");
                    assertThat(y.offDays() + y.makeUpWorkingDays()).isEqualTo(schedule2020.daysOrEmpty().size());
                });
        assertThat(administration.years()).filteredOn(y -> y.year() == 2025).singleElement()
                .satisfies(y -> {
                    assertThat(y.loadedBy()).isEqualTo("system");
                    assertThat(y.source()).isEqualTo("classpath:calendar/holidays/2025.json");
                    assertThat(y.papers()).containsExactly("https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm");
                    assertThat(y.offDays()).isEqualTo(1 + 8 + 3 + 5 + 3 + 8); // 元旦 春节 清明 劳动 端午 国庆中秋
                });
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-12-31"))).isEqualTo(248);
    }

    private void runShipped() {
        try {
            shipped.run(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthWarnsFromNovemberWhenNextYearIsMissingAndIsDownWithoutThisYear() {
        assertThat(health.health(LocalDate.parse("2026-06-30")).getStatus()).isEqualTo(Status.UP);
        assertThat(health.health(LocalDate.parse("2025-11-21")).getStatus()).isEqualTo(Status.UP);

        Health warning = health.health(LocalDate.parse("2026-11-01"));
        assertThat(warning.getStatus().getCode()).isEqualTo("WARNING");
        assertThat(warning.getDetails()).containsEntry("missingYear", 2027);
        assertThat((String) warning.getDetails().get("message")).contains("2027年");

        Health down = health.health(LocalDate.parse("2027-01-04"));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("missingYear", 2027);
    }
}
