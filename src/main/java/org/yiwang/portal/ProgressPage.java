package org.yiwang.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.cases.CaseProgress;
import org.yiwang.shared.BusinessException;

/**
 * 办件进度查询 without login: case number and query code. Posted rather than put in the address, so the query code
 * stays out of the history and the access logs.
 */
@Controller
class ProgressPage {

    private final CaseProgress progress;
    private final MessageSource messages;

    ProgressPage(CaseProgress progress, MessageSource messages) {
        this.progress = progress;
        this.messages = messages;
    }

    @GetMapping("/progress")
    String form(Model model) {
        model.addAttribute("caseNumber", "");
        return "progress";
    }

    @PostMapping("/progress")
    String query(@RequestParam(defaultValue = "") String caseNumber, @RequestParam(defaultValue = "") String queryCode,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("caseNumber", caseNumber.strip());
        model.addAttribute("times", CaseTimes.INSTANCE);
        try {
            model.addAttribute("p", progress.query(caseNumber, queryCode, request.getRemoteAddr()));
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("error", messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                    LocaleContextHolder.getLocale()));
        }
        return "progress";
    }
}
