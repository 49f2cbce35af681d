package org.yiwang.portal.admin;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.calendar.CalendarAdministration;
import org.yiwang.calendar.CalendarDay;
import org.yiwang.calendar.CalendarError;
import org.yiwang.calendar.HolidaySchedule;
import org.yiwang.calendar.LoadedYear;
import org.yiwang.calendar.ScheduleCoverage;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.portal.PageNotFoundException;
import org.yiwang.shared.BusinessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar (工作日历) for platform administrators: the loaded years and whether the calendar can
 * compute time limits, loading a year from the State Council's schedule as a JSON file, and one year's holidays.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarPages {

    private final CalendarAdministration administration;
    private final WorkingDayCalendar calendar;
    private final JsonMapper json;
    private final AdminMessages messages;

    CalendarPages(CalendarAdministration administration, WorkingDayCalendar calendar, JsonMapper json,
            AdminMessages messages) {
        this.administration = administration;
        this.calendar = calendar;
        this.json = json;
        this.messages = messages;
    }

    /** How the calendar stands today: {@code level} is danger, warning, info or ok. */
    record Health(String level, String message) {
    }

    /** One holiday of a year: its rest days as runs of consecutive dates and its make-up working days (调休). */
    record Holiday(String name, List<Run> restRuns, int restDays, List<LocalDate> makeUpDays) {
    }

    /** Consecutive rest days from {@code first} to {@code last}. */
    record Run(LocalDate first, LocalDate last) {
    }

    @GetMapping
    String years(Model model) {
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        int suggested = calendar.isLoaded(today.getYear()) ? today.getYear() + 1 : today.getYear();
        return page(model, String.valueOf(suggested), Map.of());
    }

    @PostMapping
    String load(@RequestParam(defaultValue = "") String year, @RequestParam(required = false) @Nullable MultipartFile file,
            Model model, RedirectAttributes flash) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Integer chosen = parseYear(year);
        if (chosen == null) {
            errors.put("year", List.of(messages.get("admin.calendar.yearInvalid")));
        }
        HolidaySchedule schedule = null;
        if (file == null || file.isEmpty()) {
            errors.put("file", List.of(messages.get("admin.calendar.noFile")));
        } else {
            schedule = read(file);
            if (schedule == null) {
                errors.put("file", List.of(messages.get("admin.calendar.notJson", fileName(file))));
            }
        }
        if (chosen == null || schedule == null) {
            return page(model, year, errors);
        }
        try {
            LoadedYear loaded = administration.loadYear(chosen, schedule, CurrentStaff.require().username());
            flash.addFlashAttribute("notice", messages.get("admin.calendar.loaded", String.valueOf(loaded.year()),
                    loaded.offDays(), loaded.makeUpWorkingDays()));
            return "redirect:/admin/calendar";
        } catch (BusinessException e) {
            String field = e.error() == CalendarError.CALENDAR_YEAR_OUT_OF_RANGE ? "year" : "file";
            return page(model, year, Map.of(field, List.of(messages.of(e))));
        }
    }

    @GetMapping("/{year}")
    String year(@PathVariable int year, Model model) {
        LoadedYear loaded = administration.years().stream().filter(y -> y.year() == year).findFirst()
                .orElseThrow(() -> new PageNotFoundException("admin.calendar.notLoaded", String.valueOf(year)));
        model.addAttribute("loaded", loaded);
        model.addAttribute("holidays", holidays(year));
        return "admin/calendar-year";
    }

    private String page(Model model, String year, Map<String, List<String>> errors) {
        List<LoadedYear> years = new ArrayList<>(administration.years());
        Collections.reverse(years);
        model.addAttribute("years", years);
        model.addAttribute("health", health(LocalDate.now(WorkingDayCalendar.ZONE)));
        model.addAttribute("year", year);
        model.addAttribute("errors", errors);
        return "admin/calendar";
    }

    private Health health(LocalDate today) {
        ScheduleCoverage coverage = calendar.coverage(today);
        String year = String.valueOf(coverage.year());
        return switch (coverage.state()) {
            case CURRENT_YEAR_MISSING -> new Health("danger", messages.get("admin.calendar.health.missing", year));
            case NEXT_YEAR_OVERDUE -> new Health("warning", messages.get("admin.calendar.health.nextMissing", year));
            case NEXT_YEAR_PENDING -> new Health("info", messages.get("admin.calendar.health.nextLater", year));
            case COMPLETE -> new Health("ok", messages.get("admin.calendar.health.ok",
                    String.valueOf(coverage.year() - 1), year));
        };
    }

    private List<Holiday> holidays(int year) {
        Map<String, List<LocalDate>> rest = new LinkedHashMap<>();
        Map<String, List<LocalDate>> makeUp = new LinkedHashMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            CalendarDay day = calendar.day(d);
            if (day.holiday() != null) {
                rest.computeIfAbsent(day.holiday(), n -> new ArrayList<>()).add(d);
                makeUp.putIfAbsent(day.holiday(), new ArrayList<>());
            } else if (day.makeUpFor() != null) {
                makeUp.computeIfAbsent(day.makeUpFor(), n -> new ArrayList<>()).add(d);
            }
        }
        List<Holiday> holidays = new ArrayList<>();
        makeUp.forEach((name, workDays) -> {
            List<LocalDate> days = rest.getOrDefault(name, List.of());
            holidays.add(new Holiday(name, runs(days), days.size(), workDays));
        });
        return holidays;
    }

    private static List<Run> runs(List<LocalDate> days) {
        List<Run> runs = new ArrayList<>();
        for (LocalDate d : days) {
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).last().plusDays(1).equals(d)) {
                runs.set(last, new Run(runs.get(last).first(), d));
            } else {
                runs.add(new Run(d, d));
            }
        }
        return runs;
    }

    private @Nullable HolidaySchedule read(MultipartFile file) {
        try {
            return json.readValue(file.getBytes(), HolidaySchedule.class);
        } catch (JacksonException | IOException e) {
            return null;
        }
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "" : name;
    }

    private static @Nullable Integer parseYear(String year) {
        String y = year.strip();
        return y.matches("\\d{4}") ? Integer.valueOf(y) : null;
    }
}
