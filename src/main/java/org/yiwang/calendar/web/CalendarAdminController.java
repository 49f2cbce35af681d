package org.yiwang.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.calendar.CalendarAdministration;
import org.yiwang.calendar.HolidaySchedule;
import org.yiwang.calendar.LoadedYear;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/** Loading the official schedules; only platform administrators change them. */
@RestController
@RequestMapping("/api/v1/admin/calendar")
@Tag(name = "工作日历管理")
class CalendarAdminController {

    private final CalendarAdministration administration;

    CalendarAdminController(CalendarAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/years")
    @Operation(summary = "已加载的年份及其来源、加载时间和加载人")
    List<LoadedYear> years() {
        return administration.years();
    }

    @PutMapping("/years/{year}")
    @Operation(summary = "加载或替换某年的节假日安排（平台管理员）",
            description = "请求体与随附文件格式相同：{year, papers[], days[{name, date, isOffDay}]}。校验通过后整体替换该年安排。")
    LoadedYear load(@PathVariable int year, @RequestBody HolidaySchedule schedule) {
        Staff staff = CurrentStaff.require();
        if (!staff.has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
        return administration.loadYear(year, schedule, staff.username());
    }
}
