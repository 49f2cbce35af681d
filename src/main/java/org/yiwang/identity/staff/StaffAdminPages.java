package org.yiwang.identity.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.department.Department;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * 工作人员管理 pages ({@code /admin/staff}): the list filtered by department, the form to create an account (its
 * temporary password is shown once, on the answer page, and kept nowhere), and an account's page with the change of
 * name and roles, disable/enable, TOTP and password resets and the change record. What an administrator may see and do
 * is {@link StaffAdministration}'s rule; the form offers only the departments and roles they may use.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminPages {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A row of the list and the head of the account page. */
    record Row(StaffAccount account, String departmentName, String roles, boolean administrable, String created,
            String updated) {
    }

    record ChangeRow(String time, String actor, String action, String detail) {
    }

    private final StaffAdministration administration;
    private final MessageSource messages;

    StaffAdminPages(StaffAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String department, Model model) {
        Staff actor = CurrentStaff.require();
        String code = department.strip();
        CreditCode filter = CreditCode.isValid(code) ? CreditCode.of(code) : null;
        Map<CreditCode, String> names = departmentNames(actor);
        model.addAttribute("rows", administration.list(actor, filter).stream().map(a -> row(actor, a, names))
                .toList());
        model.addAttribute("departments", administration.departments(actor));
        model.addAttribute("department", filter == null ? "" : filter.value());
        return "admin/staff/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        Staff actor = CurrentStaff.require();
        return form(model, actor, new StaffAdministration.NewStaff("", "",
                actor.departmentCode().value(), "", List.of()), null);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String departmentCode,
            @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(required = false) List<String> roles, Model model, HttpServletResponse response,
            Locale locale) {
        Staff actor = CurrentStaff.require();
        var form = new StaffAdministration.NewStaff(username, displayName, departmentCode, regionCode,
                roles == null ? List.of() : roles);
        try {
            StaffAdministration.Created created = administration.create(actor, form);
            model.addAttribute("notice", messages.getMessage("staff.created", null, locale));
            model.addAttribute("temporaryPassword", created.temporaryPassword());
            return detail(model, actor, created.account().username(), locale);
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            return form(model, actor, form, message(e, locale));
        }
    }

    @GetMapping("/{username}")
    String show(@PathVariable String username, Model model, Locale locale) {
        return detail(model, CurrentStaff.require(), username, locale);
    }

    @PostMapping("/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles, Model model, HttpServletResponse response,
            RedirectAttributes flash, Locale locale) {
        Staff actor = CurrentStaff.require();
        try {
            administration.update(actor, username, displayName, roles == null ? List.of() : roles);
            flash.addFlashAttribute("notice", messages.getMessage("staff.saved", null, locale));
            return "redirect:/admin/staff/" + username;
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("error", message(e, locale));
            return detail(model, actor, username, locale);
        }
    }

    @PostMapping("/{username}/status")
    String status(@PathVariable String username, @RequestParam StaffStatus status, RedirectAttributes flash,
            Locale locale) {
        administration.setStatus(CurrentStaff.require(), username, status);
        flash.addFlashAttribute("notice", messages.getMessage(status == StaffStatus.DISABLED ? "staff.disabled"
                : "staff.enabled", null, locale));
        return "redirect:/admin/staff/" + username;
    }

    @PostMapping("/{username}/totp-reset")
    String resetTotp(@PathVariable String username, RedirectAttributes flash, Locale locale) {
        administration.resetTotp(CurrentStaff.require(), username);
        flash.addFlashAttribute("notice", messages.getMessage("staff.totpReset", null, locale));
        return "redirect:/admin/staff/" + username;
    }

    @PostMapping("/{username}/password-reset")
    String resetPassword(@PathVariable String username, Model model, Locale locale) {
        Staff actor = CurrentStaff.require();
        StaffAdministration.Created reset = administration.resetPassword(actor, username);
        model.addAttribute("notice", messages.getMessage("staff.passwordReset", null, locale));
        model.addAttribute("temporaryPassword", reset.temporaryPassword());
        return detail(model, actor, username, locale);
    }

    private String detail(Model model, Staff actor, String username, Locale locale) {
        StaffAccount account = administration.get(actor, username);
        model.addAttribute("row", row(actor, account, departmentNames(actor)));
        model.addAttribute("grantable", grantable(actor));
        model.addAttribute("changes", administration.changes(actor, username).stream()
                .map(c -> new ChangeRow(time(c.at()), c.actor(),
                        messages.getMessage("staff.action." + c.action(), null, locale), c.detail()))
                .toList());
        return "admin/staff/detail";
    }

    private String form(Model model, Staff actor, StaffAdministration.NewStaff form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("departments", administration.departments(actor));
        model.addAttribute("grantable", grantable(actor));
        model.addAttribute("error", error);
        return "admin/staff/form";
    }

    private Row row(Staff actor, StaffAccount account, Map<CreditCode, String> names) {
        return new Row(account, names.getOrDefault(account.departmentCode(), account.departmentCode().value()),
                StaffAdministration.labels(account.roles()), actor.mayAdminister(account.staff()),
                time(account.createdAt()), time(account.updatedAt()));
    }

    private Map<CreditCode, String> departmentNames(Staff actor) {
        return administration.departments(actor).stream().collect(Collectors.toMap(Department::creditCode,
                Department::name, (a, b) -> a, LinkedHashMap::new));
    }

    private static List<StaffRole> grantable(Staff actor) {
        return Arrays.stream(StaffRole.values()).filter(r -> actor.mayGrant(Set.of(r))).toList();
    }

    private String message(BusinessException e, Locale locale) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(), locale);
    }

    static String time(Instant at) {
        return TIME.format(at.atZone(CHINA));
    }
}
