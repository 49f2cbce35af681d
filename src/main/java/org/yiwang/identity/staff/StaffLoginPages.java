package org.yiwang.identity.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.person.ClientInfo;
import org.yiwang.identity.staff.StaffSessions.PendingLogin;
import org.yiwang.identity.staff.StaffSessions.Stage;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.QrCode;

/**
 * The staff login pages ({@code /login}): username and password; then the authenticator's code, or on the first login
 * the enrolment of a new secret (QR code and Base32 text, confirmed by a code); then, for a temporary password, the
 * forced change. Only then is the staff member logged in, and sent back to the page that asked for the login or to
 * the console ({@code /admin}; {@code /admin/me} for those without an administrator's role). A refusal re-renders the
 * form with its message and HTTP status; a step reached out of order starts the login over.
 */
@Controller
@RequestMapping("/login")
class StaffLoginPages {

    /** Issuer shown by authenticator apps next to the account. */
    static final String ISSUER = "一网通办";

    private final StaffLogin login;
    private final StaffSessions sessions;
    private final MessageSource messages;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    /** Whether the code page links to the demo accounts' codes ({@link DemoStaffCodesPage}). */
    private final boolean demo;

    StaffLoginPages(StaffLogin login, StaffSessions sessions, MessageSource messages,
            @Value("${yiwang.demo.enabled:false}") boolean demo) {
        this.login = login;
        this.sessions = sessions;
        this.messages = messages;
        this.demo = demo;
    }

    @ModelAttribute("demoCodes")
    boolean demoCodes() {
        return demo;
    }

    @GetMapping
    String loginPage() {
        return "login";
    }

    @PostMapping
    String password(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            PendingLogin pending = login.password(username, password, ClientInfo.of(request));
            sessions.begin(pending, request);
            return "redirect:" + (pending.stage() == Stage.ENROL ? "/login/enrol" : "/login/code");
        } catch (BusinessException e) {
            return refuse(e, "login", response, model, locale);
        }
    }

    @GetMapping("/code")
    String codePage(HttpServletRequest request) {
        return at(request, Stage.CODE).isPresent() ? "login/code" : "redirect:/login";
    }

    @PostMapping("/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Optional<PendingLogin> pending = at(request, Stage.CODE);
        if (pending.isEmpty()) {
            return expired(response, model, locale);
        }
        try {
            StaffAccount account = login.code(pending.get(), code, ClientInfo.of(request));
            return afterSecondFactor(account, pending.get(), request, response);
        } catch (BusinessException e) {
            sessions.abandon(request);
            return refuse(e, "login", response, model, locale);
        }
    }

    @GetMapping("/enrol")
    String enrolPage(HttpServletRequest request, Model model) {
        Optional<PendingLogin> pending = at(request, Stage.ENROL);
        Optional<String> secret = pending.flatMap(login::enrolmentSecret);
        if (secret.isEmpty()) {
            return "redirect:/login";
        }
        return enrolment(model, pending.get(), secret.get());
    }

    @PostMapping("/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Optional<PendingLogin> pending = at(request, Stage.ENROL);
        if (pending.isEmpty()) {
            return expired(response, model, locale);
        }
        try {
            StaffAccount account = login.enrol(pending.get(), code, ClientInfo.of(request));
            return afterSecondFactor(account, pending.get(), request, response);
        } catch (BusinessException e) {
            refuse(e, "login/enrol", response, model, locale);
            return login.enrolmentSecret(pending.get()).map(s -> enrolment(model, pending.get(), s))
                    .orElse("login");
        }
    }

    @GetMapping("/password")
    String passwordPage(HttpServletRequest request) {
        return at(request, Stage.CHANGE_PASSWORD).isPresent() ? "login/password" : "redirect:/login";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirmation, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Optional<PendingLogin> pending = at(request, Stage.CHANGE_PASSWORD);
        if (pending.isEmpty()) {
            return expired(response, model, locale);
        }
        try {
            StaffAccount account = login.changePassword(pending.get().username(), password, passwordConfirmation);
            return complete(account, request, response);
        } catch (BusinessException e) {
            return refuse(e, "login/password", response, model, locale);
        }
    }

    private String afterSecondFactor(StaffAccount account, PendingLogin pending, HttpServletRequest request,
            HttpServletResponse response) {
        if (account.mustChangePassword()) {
            sessions.advance(pending.next(Stage.CHANGE_PASSWORD), request);
            return "redirect:/login/password";
        }
        return complete(account, request, response);
    }

    private String complete(StaffAccount account, HttpServletRequest request, HttpServletResponse response) {
        login.completed(account, ClientInfo.of(request));
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        sessions.complete(account, request, response);
        if (saved != null) {
            return "redirect:" + saved.getRedirectUrl();
        }
        return account.staff().administersStaff() ? "redirect:/admin" : "redirect:/admin/me";
    }

    private String enrolment(Model model, PendingLogin pending, String secret) {
        String uri = Totp.uri(ISSUER, pending.username(), secret);
        model.addAttribute("qrCode", QrCode.dataUri(uri));
        model.addAttribute("secret", Totp.grouped(secret));
        model.addAttribute("username", pending.username());
        return "login/enrol";
    }

    private Optional<PendingLogin> at(HttpServletRequest request, Stage stage) {
        return sessions.pending(request).filter(p -> p.stage() == stage);
    }

    private String expired(HttpServletResponse response, Model model, Locale locale) {
        return refuse(new BusinessException(IdentityError.IDENTITY_STAFF_LOGIN_EXPIRED), "login", response, model,
                locale);
    }

    private String refuse(BusinessException e, String view, HttpServletResponse response, Model model,
            Locale locale) {
        response.setStatus(e.error().status().value());
        model.addAttribute("error", messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                locale));
        return view;
    }
}
