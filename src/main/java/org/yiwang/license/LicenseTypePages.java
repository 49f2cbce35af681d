package org.yiwang.license;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.shared.BusinessException;

/**
 * 证照类型 in the staff console ({@code /admin/license-types}, which the web security opens to platform administrators
 * only): every type with its code, holder kind, metadata fields, validity and layout, and the published items yielding
 * it, which they link and unlink; new types and changed definitions are entered on one form.
 */
@Controller
class LicenseTypePages {

    private final LicenseTypeConsole console;
    private final MessageSource messages;

    LicenseTypePages(LicenseTypeConsole console, MessageSource messages) {
        this.console = console;
        this.messages = messages;
    }

    @GetMapping("/admin/license-types")
    String list(Model model) {
        model.addAttribute("types", console.list());
        return "admin/license-types";
    }

    @GetMapping("/admin/license-types/new")
    String newType(Model model) {
        return form(model, LicenseTypeForm.blank(), true, null);
    }

    @PostMapping("/admin/license-types")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        LicenseTypeForm form = LicenseTypeForm.of(params);
        try {
            LicenseType type = form.toType();
            console.create(type);
            return "redirect:/admin/license-types/" + type.code() + "?created";
        } catch (BusinessException e) {
            return refused(e, model, form, true, response);
        }
    }

    @GetMapping("/admin/license-types/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        return form(model, LicenseTypeForm.of(console.detail(code).type()), false, null);
    }

    @PostMapping("/admin/license-types/{code}")
    String update(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        LicenseTypeForm form = LicenseTypeForm.of(params);
        try {
            console.update(code, form.toType());
            return "redirect:/admin/license-types/" + code + "?saved";
        } catch (BusinessException e) {
            if (noSuchType(e)) {
                throw e;
            }
            return refused(e, model, form, false, response);
        }
    }

    @GetMapping("/admin/license-types/{code}")
    String detail(@PathVariable String code, Model model) {
        return render(code, model, null);
    }

    @PostMapping("/admin/license-types/{code}/items")
    String link(@PathVariable String code, @RequestParam(defaultValue = "") String itemCode, Model model,
            HttpServletResponse response) {
        try {
            console.link(code, itemCode);
        } catch (BusinessException e) {
            if (noSuchType(e)) {
                throw e;
            }
            response.setStatus(e.error().status().value());
            model.addAttribute("itemCode", itemCode);
            return render(code, model, LicensePageErrors.message(messages, e));
        }
        return "redirect:/admin/license-types/" + code + "?linked";
    }

    @PostMapping("/admin/license-types/{code}/items/{itemCode}/unlink")
    String unlink(@PathVariable String code, @PathVariable String itemCode) {
        console.unlink(code, itemCode);
        return "redirect:/admin/license-types/" + code + "?unlinked";
    }

    /** A type code malformed or unknown in the path: the error page, not the form or the type's page. */
    private static boolean noSuchType(BusinessException e) {
        return e.error() == LicenseError.LICENSE_TYPE_NOT_FOUND || e.error() == LicenseError.LICENSE_TYPE_CODE_INVALID;
    }

    private String refused(BusinessException e, Model model, LicenseTypeForm form, boolean creating,
            HttpServletResponse response) {
        response.setStatus(e.error().status().value());
        model.addAttribute("errorCode", e.error().code());
        return form(model, form.withBlankRows(), creating, LicensePageErrors.message(messages, e));
    }

    private String form(Model model, LicenseTypeForm form, boolean creating, @Nullable String error) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("holderKinds", LicenseType.HolderKind.values());
        model.addAttribute("standardFields", LicenseContent.STANDARD_LABELS);
        model.addAttribute("error", error);
        return "admin/license-type-form";
    }

    private String render(String code, Model model, @Nullable String error) {
        model.addAttribute("d", console.detail(code));
        model.addAttribute("error", error);
        return "admin/license-type";
    }
}
