package org.yiwang.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.calendar.CalendarDay;
import org.yiwang.calendar.WorkingDayCalendar;

/** Working-day arithmetic for other systems. Dates are ISO (yyyy-MM-dd), Beijing dates. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历", description = "法定工作日计算：按国务院办公厅公布的节假日和调休安排；未加载安排的年份返回 422 CALENDAR_YEAR_NOT_LOADED")
class CalendarController {

    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/add-working-days")
    @Operation(summary = "加上若干个工作日", description = "从起始日的次日起算，返回第 days 个工作日的日期；days = 0 时返回起始日。")
    DateResult addWorkingDays(
            @Parameter(description = "起始日（不计入）", example = "2025-09-26") @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = "工作日数，不能为负数", example = "5") @RequestParam int days) {
        return new DateResult(calendar.addWorkingDays(from, days));
    }

    @GetMapping("/working-days-between")
    @Operation(summary = "两个日期之间的工作日数", description = "统计区间 (from, to] 内的工作日：不含 from，含 to。to 不得早于 from。")
    WorkingDays workingDaysBetween(
            @Parameter(description = "起始日（不计入）", example = "2024-12-31") @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = "截止日（计入）", example = "2025-12-31") @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return new WorkingDays(calendar.workingDaysBetween(from, to));
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "某一天是否工作日", description = "holiday 为该日所属的法定节假日名称；makeUpFor 为调休上班日所对应的节日名称。")
    CalendarDay day(@Parameter(example = "2025-10-01") @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return calendar.day(date);
    }

    @GetMapping("/years")
    @Operation(summary = "已加载节假日安排的年份")
    Years years() {
        return new Years(calendar.loadedYears());
    }

    record DateResult(LocalDate date) {
    }

    record WorkingDays(int workingDays) {
    }

    record Years(List<Integer> years) {
    }
}
