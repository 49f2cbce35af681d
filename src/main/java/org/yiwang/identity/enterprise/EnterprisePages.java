package org.yiwang.identity.enterprise;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.AgentScope;
import org.yiwang.identity.CurrentPerson;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Person;
import org.yiwang.identity.person.PersonSessions;
import org.yiwang.shared.BusinessException;

/**
 * 我的企业 (claim, list), 经办人管理 (authorise, list, revoke) and switching the session into an enterprise and back.
 * A refusal re-renders the page with its Chinese message and HTTP status.
 */
@Controller
@RequestMapping("/account/enterprises")
class EnterprisePages {

    private final Enterprises enterprises;
    private final MessageSource messages;

    EnterprisePages(Enterprises enterprises, MessageSource messages) {
        this.enterprises = enterprises;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        Person person = CurrentPerson.require();
        model.addAttribute("represented", enterprises.represented(person.accountId()));
        model.addAttribute("actable", enterprises.actable(person.accountId()));
        return "account/enterprises";
    }

    @PostMapping("/claim")
    String claim(@RequestParam(defaultValue = "") String creditCode, @RequestParam(defaultValue = "") String name,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            enterprises.claim(CurrentPerson.require().accountId(), creditCode, name);
            return "redirect:/account/enterprises?claimed";
        } catch (BusinessException e) {
            model.addAttribute("error", refusal(e, response, locale));
            model.addAttribute("creditCode", creditCode.strip());
            model.addAttribute("name", name.strip());
            return list(model);
        }
    }

    @GetMapping("/{creditCode}/agents")
    String agents(@PathVariable String creditCode, Model model) {
        Person person = CurrentPerson.require();
        model.addAttribute("enterprise", enterprises.own(person.accountId(), creditCode));
        model.addAttribute("agents", enterprises.agents(person.accountId(), creditCode));
        model.addAttribute("scopes", AgentScope.values());
        model.addAttribute("today", Enterprises.today());
        return "account/agents";
    }

    @PostMapping("/{creditCode}/agents")
    String authorise(@PathVariable String creditCode, @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            enterprises.authorise(CurrentPerson.require().accountId(), creditCode, idNumber, name, scope,
                    date(validFrom), date(validUntil));
            return "redirect:/account/enterprises/" + creditCode + "/agents?authorised";
        } catch (BusinessException e) {
            model.addAttribute("error", refusal(e, response, locale));
            model.addAttribute("name", name.strip());
            return agents(creditCode, model);
        }
    }

    @PostMapping("/{creditCode}/agents/{id}/revoke")
    String revoke(@PathVariable String creditCode, @PathVariable long id, HttpServletResponse response, Model model,
            Locale locale) {
        try {
            enterprises.revoke(CurrentPerson.require().accountId(), creditCode, id);
            return "redirect:/account/enterprises/" + creditCode + "/agents?revoked";
        } catch (BusinessException e) {
            model.addAttribute("error", refusal(e, response, locale));
            return agents(creditCode, model);
        }
    }

    /** 切换到企业身份. */
    @PostMapping("/switch")
    String switchTo(@RequestParam(defaultValue = "") String creditCode, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Optional<ActingFor> acting = enterprises.acting(CurrentPerson.require().accountId(), creditCode.strip());
        if (acting.isEmpty()) {
            model.addAttribute("error",
                    refusal(new BusinessException(IdentityError.IDENTITY_CANNOT_ACT_FOR), response, locale));
            return list(model);
        }
        request.getSession().setAttribute(PersonSessions.ACTING_ATTRIBUTE, acting.get());
        return "redirect:/account?switched";
    }

    /** 切换回个人身份. */
    @PostMapping("/personal")
    String backToPerson(HttpServletRequest request) {
        CurrentPerson.require();
        request.getSession().removeAttribute(PersonSessions.ACTING_ATTRIBUTE);
        return "redirect:/account";
    }

    /** Any other refusal (e.g. someone else's enterprise): 我的企业 with the message. */
    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e, HttpServletResponse response, Locale locale) {
        ModelAndView page = new ModelAndView("account/enterprises");
        page.addObject("error", refusal(e, response, locale));
        Person person = CurrentPerson.require();
        page.addObject("represented", enterprises.represented(person.accountId()));
        page.addObject("actable", enterprises.actable(person.accountId()));
        return page;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException(IdentityError.IDENTITY_AGENT_VALIDITY_INVALID);
        }
    }

    /** Sets the refusal's HTTP status and returns its Chinese message. */
    private String refusal(BusinessException e, HttpServletResponse response, Locale locale) {
        response.setStatus(e.error().status().value());
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(), locale);
    }
}
