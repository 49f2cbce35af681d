package org.yiwang.identity.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.department.Departments;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Staff;
import org.yiwang.identity.person.LoginHistory;
import org.yiwang.identity.person.PersonPasswords;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * 我的账号 ({@code /admin/me}) for every staff member: their account, their last 20 login attempts and the change of
 * their password (the current one first; their other sessions end, this one goes on).
 */
@Controller
@RequestMapping("/admin/me")
class MyStaffAccountPages {

    record HistoryRow(String time, String method, String result, boolean success, String client, String userAgent) {
    }

    private final StaffAccounts accounts;
    private final PersonPasswords passwords;
    private final LoginHistory history;
    private final StaffChanges changes;
    private final StaffSessions sessions;
    private final Departments departments;
    private final MessageSource messages;

    MyStaffAccountPages(StaffAccounts accounts, PersonPasswords passwords, LoginHistory history,
            StaffChanges changes, StaffSessions sessions, Departments departments, MessageSource messages) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.history = history;
        this.changes = changes;
        this.sessions = sessions;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping
    String home(Model model, Locale locale) {
        StaffAccount account = current();
        model.addAttribute("account", account);
        model.addAttribute("departmentName", departments.find(account.departmentCode()).map(d -> d.name())
                .orElse(account.departmentCode().value()));
        model.addAttribute("roles", StaffAdministration.labels(account.roles()));
        model.addAttribute("history", history.latest(LoginHistory.Book.STAFF, account.username(), 20).stream()
                .map(h -> new HistoryRow(StaffAdminPages.time(h.at()),
                        messages.getMessage("account.method." + h.method(), null, locale),
                        messages.getMessage("account.result." + h.result(), null, locale),
                        h.result() == LoginHistory.Result.SUCCESS
                                || h.result() == LoginHistory.Result.PASSWORD_ACCEPTED, h.client(), h.userAgent()))
                .toList());
        return "admin/staff/me";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash, Locale locale) {
        StaffAccount account = current();
        try {
            String hash = accounts.passwordHash(account.username());
            if (!passwords.matches(currentPassword, hash)) {
                throw new BusinessException(IdentityError.IDENTITY_CURRENT_PASSWORD_WRONG);
            }
            StaffPasswords.checkPolicy(password, passwordConfirmation, account.username());
            if (password.equals(currentPassword)) {
                throw new BusinessException(IdentityError.IDENTITY_PASSWORD_UNCHANGED);
            }
            accounts.updatePassword(account.username(), password, false, account.username());
            changes.record(account.username(), account.username(), StaffChanges.Action.PASSWORD_CHANGED, "修改密码");
            sessions.endAll(account.username(), request.getSession().getId());
            sessions.renew(request);
            flash.addFlashAttribute("notice", messages.getMessage("staff.me.passwordChanged", null, locale));
            return "redirect:/admin/me";
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("error", messages.getMessage("error." + e.error().code(), e.args(),
                    e.error().code(), locale));
            return home(model, locale);
        }
    }

    private StaffAccount current() {
        Staff staff = CurrentStaff.require();
        return accounts.find(staff.username()).orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }
}
