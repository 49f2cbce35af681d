package org.yiwang.identity.person;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.identity.CurrentPerson;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Person;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.identity.oidc.AuthorizationRequestCache;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.Masking;

/**
 * The citizen's pages: register, log in (password or SMS code), reset a forgotten password, my account with the login
 * history and the active sessions, log out everywhere. A refusal re-renders the form with its Chinese message and
 * HTTP status; the ID number and the password are never sent back.
 */
@Controller
@RequestMapping("/account")
public class AccountPages {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Which form field a refusal is about, to mark it invalid. */
    private static final Map<IdentityError, String> FIELDS = Map.ofEntries(
            Map.entry(IdentityError.IDENTITY_ID_NUMBER_INVALID, "idNumber"),
            Map.entry(IdentityError.IDENTITY_NOT_IN_POPULATION, "name"),
            Map.entry(IdentityError.IDENTITY_ALREADY_REGISTERED, "idNumber"),
            Map.entry(IdentityError.IDENTITY_NAME_INVALID, "name"),
            Map.entry(IdentityError.IDENTITY_MOBILE_INVALID, "mobile"),
            Map.entry(IdentityError.IDENTITY_MOBILE_TAKEN, "mobile"),
            Map.entry(IdentityError.IDENTITY_PASSWORD_TOO_SHORT, "password"),
            Map.entry(IdentityError.IDENTITY_PASSWORD_TOO_SIMPLE, "password"),
            Map.entry(IdentityError.IDENTITY_PASSWORD_CONTAINS_PERSONAL_DATA, "password"),
            Map.entry(IdentityError.IDENTITY_PASSWORD_MISMATCH, "passwordConfirmation"),
            Map.entry(IdentityError.IDENTITY_SMS_CODE_WRONG, "smsCode"),
            Map.entry(IdentityError.IDENTITY_SMS_CODE_EXPIRED, "smsCode"),
            Map.entry(IdentityError.IDENTITY_SMS_CODE_EXHAUSTED, "smsCode"));

    /** What the account page shows: personal data masked. */
    public record Profile(String name, String idNumber, String mobile, int level, String levelLabel, String since) {
    }

    public record HistoryRow(String time, String method, String result, boolean success, String client,
            String userAgent) {
    }

    /** A session in which the account is logged in; {@code handle} names it in the "end" form. */
    public record SessionRow(String handle, String userAgent, String client, String loggedInAt, String lastAccess,
            boolean current) {
    }

    private final Registration registration;
    private final PersonLogin login;
    private final PersonAccounts accounts;
    private final SmsCodes smsCodes;
    private final LoginHistory history;
    private final PersonSessions sessions;
    private final MessageSource messages;
    private final Enterprises enterprises;
    private final PasswordReset reset;

    AccountPages(Registration registration, PersonLogin login, PersonAccounts accounts, SmsCodes smsCodes,
            LoginHistory history, PersonSessions sessions, MessageSource messages, Enterprises enterprises,
            PasswordReset reset) {
        this.enterprises = enterprises;
        this.reset = reset;
        this.registration = registration;
        this.login = login;
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.history = history;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(defaultValue = "password") String method, Model model) {
        model.addAttribute("method", "sms".equals(method) ? "sms" : "password");
        return "account/login";
    }

    @PostMapping("/login/password")
    String loginWithPassword(@RequestParam(defaultValue = "") String loginName,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            sessions.start(login.withPassword(loginName, password, ClientInfo.of(request)), request, response);
            return afterLogin(request, response);
        } catch (BusinessException e) {
            refuse(e, response, model, locale);
            model.addAttribute("method", "password");
            return "account/login";
        }
    }

    @PostMapping("/login/sms")
    String loginWithSms(@RequestParam(defaultValue = "") String mobile, @RequestParam(defaultValue = "") String smsCode,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        try {
            sessions.start(login.withSmsCode(mobile, smsCode, ClientInfo.of(request)), request, response);
            return afterLogin(request, response);
        } catch (BusinessException e) {
            refuse(e, response, model, locale);
            model.addAttribute("method", "sms");
            model.addAttribute("mobile", mobile.strip());
            return "account/login";
        }
    }

    @GetMapping("/register")
    String registerPage(Model model) {
        model.addAttribute("form", blankForm());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String mobile, @RequestParam(defaultValue = "") String smsCode,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            PersonAccount account = registration.register(
                    new Registration.Form(idNumber, name, mobile, smsCode, password, passwordConfirmation),
                    ClientInfo.of(request));
            sessions.start(account.person(), request, response);
            return "redirect:/account?registered";
        } catch (BusinessException e) {
            refuse(e, response, model, locale);
            model.addAttribute("form", new Registration.Form("", name.strip(), mobile.strip(), "", "", ""));
            return "account/register";
        }
    }

    /** Sends an SMS code; answers an htmx request with a status line, any other with the whole form page. */
    @PostMapping("/sms-code")
    String sendSmsCode(@RequestParam(defaultValue = "") String mobile,
            @RequestParam(defaultValue = "LOGIN") SmsCodes.Purpose purpose,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        String number = mobile.strip();
        try {
            if (purpose == SmsCodes.Purpose.RESET) {
                throw new BusinessException(CommonError.INVALID_PARAMETER, "purpose");
            }
            if (!PersonAccounts.MOBILE.matcher(number).matches()) {
                throw new BusinessException(IdentityError.IDENTITY_MOBILE_INVALID);
            }
            smsCodes.issue(number, purpose,
                    purpose == SmsCodes.Purpose.REGISTER || accounts.mobileRegistered(number),
                    request.getRemoteAddr());
            model.addAttribute("notice", messages.getMessage(purpose == SmsCodes.Purpose.REGISTER
                    ? "account.sms.sent" : "account.sms.sentIfRegistered", new Object[] {Masking.mobile(number)},
                    locale));
        } catch (BusinessException e) {
            model.addAttribute("error", message(e, locale));
            if (htmx == null) {
                response.setStatus(e.error().status().value());
            }
        }
        if (htmx != null) {
            return "account/fragments :: sms-status";
        }
        if (purpose == SmsCodes.Purpose.REGISTER) {
            model.addAttribute("form", new Registration.Form("", "", number, "", "", ""));
            return "account/register";
        }
        model.addAttribute("method", "sms");
        model.addAttribute("mobile", number);
        return "account/login";
    }

    /** 找回密码, first step: ID number and registered mobile number. */
    @GetMapping("/reset")
    String resetPage() {
        return "account/reset";
    }

    @PostMapping("/reset")
    String requestReset(@RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String mobile, HttpServletRequest request, HttpServletResponse response,
            Model model, Locale locale) {
        try {
            PasswordReset.Pending pending = reset.request(idNumber, mobile, ClientInfo.of(request));
            request.getSession().setAttribute(PasswordReset.SESSION_ATTRIBUTE, pending);
            return "redirect:/account/reset/password";
        } catch (BusinessException e) {
            refuse(e, response, model, locale);
            model.addAttribute("mobile", mobile.strip());
            return "account/reset";
        }
    }

    /** 找回密码, second step: the SMS code and the new password. */
    @GetMapping("/reset/password")
    String newPasswordPage(HttpServletRequest request, Model model) {
        return pendingReset(request).map(pending -> {
            model.addAttribute("mobile", Masking.mobile(pending.mobile()));
            return "account/reset-password";
        }).orElse("redirect:/account/reset");
    }

    @PostMapping("/reset/password")
    String completeReset(@RequestParam(defaultValue = "") String smsCode,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Optional<PasswordReset.Pending> pending = pendingReset(request);
        if (pending.isEmpty()) {
            return "redirect:/account/reset";
        }
        try {
            PersonAccount account = reset.complete(pending.get(), smsCode, password, passwordConfirmation,
                    ClientInfo.of(request));
            request.getSession().removeAttribute(PasswordReset.SESSION_ATTRIBUTE);
            sessions.endAll(account.accountId(), request);
            reset.notifyHolder(account);
            return "redirect:/account/login?reset";
        } catch (BusinessException e) {
            refuse(e, response, model, locale);
            model.addAttribute("mobile", Masking.mobile(pending.get().mobile()));
            return "account/reset-password";
        }
    }

    private static Optional<PasswordReset.Pending> pendingReset(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(PasswordReset.SESSION_ATTRIBUTE)
                instanceof PasswordReset.Pending pending ? Optional.of(pending) : Optional.empty();
    }

    @GetMapping
    String home(HttpServletRequest request, Model model, Locale locale) {
        Person person = CurrentPerson.require();
        PersonAccount account = accounts.find(person.accountId()).orElseThrow(
                () -> new BusinessException(CommonError.UNAUTHENTICATED));
        model.addAttribute("account", new Profile(account.name(), account.idNumber().masked(),
                account.maskedMobile(), account.level().rank(), account.level().label(),
                MINUTE.format(account.createdAt().atZone(CHINA))));
        model.addAttribute("history", history.latest(account.accountId(), 20).stream()
                .map(h -> new HistoryRow(TIME.format(h.at().atZone(CHINA)),
                        messages.getMessage("account.method." + h.method(), null, locale),
                        messages.getMessage("account.result." + h.result(), null, locale),
                        h.result().ok(), h.client(), h.userAgent()))
                .toList());
        model.addAttribute("actable", enterprises.actable(person.accountId()));
        model.addAttribute("acting", CurrentPerson.acting().orElse(null));
        model.addAttribute("sessions", sessions.active(account.accountId(), request).stream()
                .map(s -> new SessionRow(s.handle(), s.userAgent(), s.maskedAddress(),
                        TIME.format(s.loggedInAt().atZone(CHINA)), TIME.format(s.lastAccess().atZone(CHINA)),
                        s.current()))
                .toList());
        return "account/home";
    }

    /** Ends the account's login in one of its sessions (结束此会话); ending the current one is logging out. */
    @PostMapping("/sessions/{handle}/end")
    String endSession(@PathVariable String handle, HttpServletRequest request) {
        return switch (sessions.end(CurrentPerson.require().accountId(), handle, request)) {
            case CURRENT -> "redirect:/account/login?logout";
            case OTHER -> "redirect:/account?sessionEnded";
            case NONE -> "redirect:/account?sessionGone";
        };
    }

    @PostMapping("/sessions/end-all")
    String endAllSessions(HttpServletRequest request) {
        sessions.endAll(CurrentPerson.require().accountId(), request);
        return "redirect:/account/login?ended";
    }

    /**
     * Back to the client whose authorization request sent the person here, else to the page that asked for the
     * login, otherwise to the account page.
     */
    private static String afterLogin(HttpServletRequest request, HttpServletResponse response) {
        return "redirect:" + AuthorizationRequestCache.continueAfterLogin(request, response).or(() -> {
            var saved = Optional.ofNullable(PersonSessions.RETURN_AFTER_LOGIN.getRequest(request, response));
            PersonSessions.RETURN_AFTER_LOGIN.removeRequest(request, response);
            return saved.map(s -> s.getRedirectUrl());
        }).orElse("/account");
    }

    private void refuse(BusinessException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(e.error().status().value());
        model.addAttribute("error", message(e, locale));
        if (e.error() instanceof IdentityError error) {
            model.addAttribute("errorField", FIELDS.get(error));
        }
    }

    private String message(BusinessException e, Locale locale) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(), locale);
    }

    private static Registration.Form blankForm() {
        return new Registration.Form("", "", "", "", "", "");
    }
}
