package org.yiwang.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseMessage;
import org.yiwang.cases.CaseState;
import org.yiwang.cases.CaseView;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;

/**
 * 我的办件: the citizen's cases (or the enterprise's, when acting for one) with their state and remaining working
 * days, and one case with its timeline, what to do next (a correction request with its list and upload slots; 撤回)
 * and its messages.
 */
@Controller
class MyCasePages {

    private static final String MATERIAL_PREFIX = "m.";
    private static final String FIELD_PREFIX = "f.";

    private final Applications applications;
    private final CurrentApplicant current;
    private final MessageSource messages;

    MyCasePages(Applications applications, CurrentApplicant current, MessageSource messages) {
        this.applications = applications;
        this.current = current;
        this.messages = messages;
    }

    @GetMapping("/account/cases")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Applicant applicant = current.require();
        model.addAttribute("cases", applications.list(applicant, page));
        model.addAttribute("drafts", applications.drafts(applicant));
        model.addAttribute("times", CaseTimes.INSTANCE);
        return "account/cases";
    }

    @GetMapping("/account/cases/{caseNumber}")
    String detail(@PathVariable String caseNumber, Model model) {
        Applicant applicant = current.require();
        CaseView view = applications.view(applicant, caseNumber);
        return render(model, applicant, view, view.formValues(), Map.of(), null);
    }

    /** 补正: uploads the materials asked for, then hands the correction in with the corrected form fields. */
    @PostMapping("/account/cases/{caseNumber}/supplement")
    String supplement(@PathVariable String caseNumber, @RequestParam(required = false) @Nullable Integer version,
            MultipartHttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
        Applicant applicant = current.require();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, MultipartFile> file : request.getFileMap().entrySet()) {
            if (file.getKey().startsWith(MATERIAL_PREFIX) && !file.getValue().isEmpty()) {
                String slot = file.getKey().substring(MATERIAL_PREFIX.length());
                try {
                    applications.uploadSupplement(applicant, caseNumber, slot, file.getValue().getOriginalFilename(),
                            file.getValue().getBytes());
                } catch (BusinessException e) {
                    errors.computeIfAbsent("materials." + slot, k -> new ArrayList<>()).add(message(e));
                }
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, v) -> {
            if (name.startsWith(FIELD_PREFIX) && v.length > 0) {
                fields.put(name.substring(FIELD_PREFIX.length()), v[0].strip());
            }
        });
        if (errors.isEmpty()) {
            try {
                applications.supplement(applicant, caseNumber, fields.isEmpty() ? null : fields, version);
                return "redirect:/account/cases/" + caseNumber + "?supplemented";
            } catch (RuleViolations e) {
                e.violations().forEach(v -> errors.computeIfAbsent(v.field(), k -> new ArrayList<>())
                        .add(messages.getMessage("error." + v.error().code(), v.args().toArray(), v.error().code(),
                                LocaleContextHolder.getLocale())));
            }
        }
        response.setStatus(422);
        CaseView view = applications.view(applicant, caseNumber);
        Map<String, String> shown = new LinkedHashMap<>(view.formValues());
        shown.putAll(fields);
        return render(model, applicant, view, shown, errors,
                "补正未提交：请按提示修改后重新提交（已上传的材料已保存）。");
    }

    /** 我的消息: every message, unread ones marked as such; opening the list marks them read. */
    @GetMapping("/account/messages")
    String messages(Model model) {
        Applicant applicant = current.require();
        List<CaseMessage> list = applications.messages(applicant);
        model.addAttribute("messages", list);
        model.addAttribute("unread", list.stream().filter(m -> m.readAt() == null).count());
        model.addAttribute("times", CaseTimes.INSTANCE);
        applications.markAllRead(applicant, null);
        return "account/messages";
    }

    /** 标为已读 on the case page: back to the case of the message. */
    @PostMapping("/account/messages/{id}/read")
    String markRead(@PathVariable long id) {
        CaseMessage read = applications.markRead(current.require(), id);
        return "redirect:/account/cases/" + read.caseNumber() + "#messages-heading";
    }

    /** 撤回 before the decision, with a reason. */
    @PostMapping("/account/cases/{caseNumber}/withdrawal")
    String withdraw(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @Nullable Integer version, Model model, HttpServletResponse response) {
        Applicant applicant = current.require();
        try {
            applications.withdraw(applicant, caseNumber, reason, version);
            return "redirect:/account/cases/" + caseNumber + "?withdrawn";
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            CaseView view = applications.view(applicant, caseNumber);
            return render(model, applicant, view, view.formValues(), Map.of("reason", List.of(message(e))),
                    message(e));
        }
    }

    private String render(Model model, Applicant applicant, CaseView view, Map<String, String> values,
            Map<String, List<String>> errors, @Nullable String formError) {
        model.addAttribute("v", view);
        model.addAttribute("values", values);
        model.addAttribute("correctionFields", applications.correctionFields(applicant, view.caseNumber()));
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("times", CaseTimes.INSTANCE);
        model.addAttribute("messages", applications.messages(applicant, view.caseNumber()));
        model.addAttribute("withdrawable", CaseState.WITHDRAWABLE.contains(view.state()));
        return "account/case";
    }

    private String message(BusinessException e) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale());
    }
}
