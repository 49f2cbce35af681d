package org.yiwang.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.CasesError;
import org.yiwang.cases.DraftView;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;

/**
 * The citizen's online application (在线申报) of one item, on the citizen's side of the site (a login is needed, and
 * leads back here). The page continues the applicant's draft of the item, or starts one: first the situations
 * (办理情形), then the form (prefilled fields read-only from the identity) and one upload per material of the answers
 * (or, for a material a licence type replaces, one of the applicant's valid licences: 使用电子证照（免提交）), sent
 * together. The idempotency key is made when the page is rendered, so a second click gives the same case.
 */
@Controller
class ApplicationPages {

    private static final String ANSWER_PREFIX = "s.";
    private static final String FIELD_PREFIX = "f.";
    private static final String MATERIAL_PREFIX = "m.";
    private static final String LICENCE_PREFIX = "licence.";

    private final Applications applications;
    private final PublishedItems items;
    private final CurrentApplicant current;
    private final MessageSource messages;

    ApplicationPages(Applications applications, PublishedItems items, CurrentApplicant current,
            MessageSource messages) {
        this.applications = applications;
        this.items = items;
        this.current = current;
        this.messages = messages;
    }

    @GetMapping("/account/apply/{code}")
    String page(@PathVariable String code, Model model, HttpServletResponse response) {
        Applicant applicant = current.require();
        PublishedItem item = find(code);
        if (!ItemGuidePage.appliesOnline(item.content())) {
            return "redirect:/items/" + item.code() + "/apply";
        }
        try {
            applications.requireAssuranceLevel(applicant, item.code());
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("item", item);
            model.addAttribute("refusal", message(e));
            return "account/apply-level";
        }
        DraftView draft = applications.draft(applicant, item.code())
                .orElseGet(() -> applications.createDraft(applicant, new Applications.DraftInput(item.code(), null,
                        null)));
        return render(model, item, draft, draft.formValues(), Map.of(), UUID.randomUUID().toString());
    }

    /** Saves the situation answers; the page then lists the materials they need. */
    @PostMapping("/account/apply/{code}/situations")
    String situations(@PathVariable String code, @RequestParam long draftId,
            @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Applicant applicant = current.require();
        PublishedItem item = find(code);
        Map<String, String> answers = prefixed(params, ANSWER_PREFIX);
        try {
            applications.updateDraft(applicant, draftId, new Applications.DraftInput(item.code(), null, answers));
        } catch (BusinessException e) {
            DraftView draft = applications.draft(applicant, draftId);
            response.setStatus(e.error().status().value());
            model.addAttribute("situationError", message(e));
            return render(model, item, draft, draft.formValues(), Map.of(), UUID.randomUUID().toString());
        }
        return "redirect:/account/apply/" + item.code() + "#application-form";
    }

    /** Uploads what was chosen, then submits; problems are shown next to their fields, uploads already made kept. */
    @PostMapping("/account/apply/{code}")
    String submit(@PathVariable String code, @RequestParam long draftId, @RequestParam String idempotencyKey,
            MultipartHttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
        Applicant applicant = current.require();
        PublishedItem item = find(code);
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, v) -> {
            if (name.startsWith(FIELD_PREFIX) && v.length > 0) {
                values.put(name.substring(FIELD_PREFIX.length()), v[0].strip());
            }
        });
        item.content().applicationForm().fields().stream().filter(f -> f.prefill() != null)
                .forEach(f -> values.remove(f.key()));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try {
            applications.updateDraft(applicant, draftId, new Applications.DraftInput(item.code(), values, null));
            useLicences(applicant, draftId, request, errors);
            for (Map.Entry<String, MultipartFile> file : request.getFileMap().entrySet()) {
                if (file.getKey().startsWith(MATERIAL_PREFIX) && !file.getValue().isEmpty()) {
                    String slot = file.getKey().substring(MATERIAL_PREFIX.length());
                    String licence = request.getParameter(LICENCE_PREFIX + slot);
                    if (licence != null && !licence.isBlank()) {
                        continue;
                    }
                    try {
                        applications.uploadToDraft(applicant, draftId, slot, file.getValue().getOriginalFilename(),
                                file.getValue().getBytes());
                    } catch (BusinessException e) {
                        errors.computeIfAbsent("materials." + slot, k -> new ArrayList<>()).add(message(e));
                    }
                }
            }
            if (errors.isEmpty()) {
                CaseView submitted = applications.submit(applicant,
                        new Applications.Submission(draftId, null, null, null), idempotencyKey);
                return "redirect:/account/cases/" + submitted.caseNumber() + "?submitted";
            }
            // An upload was refused: nothing is submitted, but the form's own problems are shown in the same round.
            item.content().applicationForm().check(values);
        } catch (RuleViolations e) {
            e.violations().forEach(v -> errors.computeIfAbsent(v.field(), k -> new ArrayList<>())
                    .add(messages.getMessage("error." + v.error().code(), v.args().toArray(), v.error().code(),
                            LocaleContextHolder.getLocale())));
        } catch (BusinessException e) {
            if (e.error() != CasesError.CASES_DRAFT_NOT_FOUND && e.error() != CasesError.CASES_DRAFT_SUBMITTED) {
                throw e;
            }
            // A second click after the first has submitted the draft: the same key answers with the same case.
            CaseView submitted = applications.submit(applicant,
                    new Applications.Submission(draftId, null, null, null), idempotencyKey);
            return "redirect:/account/cases/" + submitted.caseNumber() + "?submitted";
        }
        response.setStatus(422);
        model.addAttribute("formError", "申报未提交：请按提示修改后重新提交（已上传的材料已保存）。");
        return render(model, item, applications.draft(applicant, draftId), values, errors, idempotencyKey);
    }

    /** 使用电子证照（免提交）: the licence chosen for a slot fills it, unless it does already. */
    private void useLicences(Applicant applicant, long draftId, MultipartHttpServletRequest request,
            Map<String, List<String>> errors) {
        Map<String, String> chosen = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, v) -> {
            if (name.startsWith(LICENCE_PREFIX) && v.length > 0 && !v[0].isBlank()) {
                chosen.put(name.substring(LICENCE_PREFIX.length()), v[0].strip());
            }
        });
        if (chosen.isEmpty()) {
            return;
        }
        Map<String, String> held = new LinkedHashMap<>();
        applications.draft(applicant, draftId).materials().stream().filter(m -> m.licence() != null)
                .forEach(m -> held.put(m.key(), m.licence().identifier()));
        chosen.forEach((slot, licenceId) -> {
            if (!licenceId.equals(held.get(slot))) {
                try {
                    applications.useLicenceInDraft(applicant, draftId, slot, licenceId);
                } catch (BusinessException e) {
                    errors.computeIfAbsent("materials." + slot, k -> new ArrayList<>()).add(message(e));
                }
            }
        });
    }

    private String render(Model model, PublishedItem item, DraftView draft, Map<String, String> values,
            Map<String, List<String>> errors, String idempotencyKey) {
        ItemContent content = item.content();
        Map<String, String> shown = new LinkedHashMap<>(values);
        content.applicationForm().fields().stream().filter(f -> f.prefill() != null)
                .forEach(f -> shown.put(f.key(), draft.formValues().getOrDefault(f.key(), "")));
        model.addAttribute("item", item);
        model.addAttribute("c", content);
        model.addAttribute("draft", draft);
        model.addAttribute("values", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("formReady", content.situations().isEmpty() || draft.situationsComplete());
        return "account/apply";
    }

    private String message(BusinessException e) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale());
    }

    private static Map<String, String> prefixed(MultiValueMap<String, String> params, String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(prefix) && !values.isEmpty() && !values.get(0).isBlank()) {
                map.put(name.substring(prefix.length()), values.get(0));
            }
        });
        return map;
    }

    private PublishedItem find(String code) {
        return items.find(code).orElseThrow(() -> new PageNotFoundException("item.notFound", code));
    }
}
