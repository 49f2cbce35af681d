package org.yiwang.portal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.CaseType;
import org.yiwang.catalog.ExerciseLevel;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.HandlingForm;
import org.yiwang.catalog.ItemAdministration;
import org.yiwang.catalog.ItemChange;
import org.yiwang.catalog.ItemStatus;
import org.yiwang.catalog.ItemType;
import org.yiwang.catalog.ManagedItem;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.ResultType;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Theme;
import org.yiwang.catalog.TimeUnit;
import org.yiwang.department.Departments;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * The admin console: the staff member's items, the item form, life-cycle actions and the change record. Every
 * refusal of the catalogue is shown on the page in the staff member's language; nothing is saved then.
 */
@Controller
@RequestMapping("/admin")
class AdminConsole {

    private final ItemAdministration items;
    private final Departments departments;
    private final AdminMessages messages;

    AdminConsole(ItemAdministration items, Departments departments, AdminMessages messages) {
        this.items = items;
        this.departments = departments;
        this.messages = messages;
    }

    @InitBinder("form")
    void directFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(500);
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("page", items.listForCurrentStaff(status, Math.max(page, 1) - 1));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ItemStatus.values());
        return "admin/list";
    }

    @GetMapping("/items/new")
    String createForm(Model model) {
        Staff staff = CurrentStaff.require();
        return form(model, ItemForm.blank(staff.departmentCode().value()), null, Map.of());
    }

    @PostMapping("/items")
    String create(@ModelAttribute("form") ItemForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        Map<String, List<String>> errors = bindingErrors(binding);
        if (!errors.isEmpty()) {
            form.dropBlankRows();
            return form(model, form, null, errors);
        }
        try {
            uploadFiles(form);
            ManagedItem created = items.create(form.toContent());
            flash.addFlashAttribute("notice", messages.get("admin.created", created.content().name()));
            return "redirect:/admin/items/" + created.code();
        } catch (BusinessException e) {
            return form(model, form, null, messages.byField(e));
        }
    }

    @GetMapping("/items/{code}")
    String detail(@PathVariable String code, Model model) {
        model.addAttribute("item", items.get(code));
        return "admin/item";
    }

    @GetMapping("/items/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        ManagedItem item = items.get(code);
        return form(model, ItemForm.of(item.content(), item.revision()), item, Map.of());
    }

    @PostMapping("/items/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") ItemForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        ManagedItem item = items.get(code);
        Map<String, List<String>> errors = bindingErrors(binding);
        if (!errors.isEmpty()) {
            form.dropBlankRows();
            return form(model, form, item, errors);
        }
        try {
            uploadFiles(form);
            ManagedItem saved = items.update(code, form.revision, form.toContent());
            flash.addFlashAttribute("notice", messages.get("admin.saved", saved.latestVersion()));
            return "redirect:/admin/items/" + code;
        } catch (BusinessException e) {
            return form(model, form, item, messages.byField(e));
        }
    }

    @PostMapping("/items/{code}/publish")
    String publish(@PathVariable String code, RedirectAttributes flash) {
        return act(code, flash, () -> items.publish(code), "admin.published");
    }

    @PostMapping("/items/{code}/suspend")
    String suspend(@PathVariable String code, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(code, flash, () -> items.suspend(code, reason), "admin.suspended");
    }

    @PostMapping("/items/{code}/resume")
    String resume(@PathVariable String code, RedirectAttributes flash) {
        return act(code, flash, () -> items.resume(code), "admin.resumed");
    }

    @PostMapping("/items/{code}/cancel")
    String cancel(@PathVariable String code, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(code, flash, () -> items.cancel(code, reason), "admin.cancelled");
    }

    @GetMapping("/items/{code}/history")
    String history(@PathVariable String code, Model model) {
        model.addAttribute("item", items.get(code));
        List<ItemChange> changes = new ArrayList<>(items.history(code));
        Collections.reverse(changes);
        model.addAttribute("changes", changes);
        model.addAttribute("verification", items.verifyHistory(code));
        return "admin/history";
    }

    private String act(String code, RedirectAttributes flash, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(doneKey));
        } catch (BusinessException e) {
            flash.addFlashAttribute("errors", messages.byField(e));
        }
        return "redirect:/admin/items/" + code;
    }

    private String form(Model model, ItemForm form, @Nullable ManagedItem item, Map<String, List<String>> errors) {
        Staff staff = CurrentStaff.require();
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", staff.has(StaffRole.PLATFORM_ADMIN) ? departments.all()
                : departments.find(staff.departmentCode()).map(List::of).orElse(List.of()));
        model.addAttribute("itemTypes", ItemType.values());
        model.addAttribute("levels", ExerciseLevel.values());
        model.addAttribute("units", TimeUnit.values());
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("assuranceLevels", AssuranceLevel.values());
        model.addAttribute("serviceObjects", ServiceObject.values());
        model.addAttribute("handlingForms", HandlingForm.values());
        model.addAttribute("depths", OnlineDepth.values());
        model.addAttribute("resultTypes", ResultType.values());
        model.addAttribute("themes", Theme.values());
        model.addAttribute("materialForms", Material.MaterialForm.values());
        model.addAttribute("materialSources", Material.MaterialSource.values());
        model.addAttribute("fieldTypes", FormField.Type.values());
        model.addAttribute("prefills", FormField.Prefill.values());
        return "admin/form";
    }

    /** Stores newly chosen blank forms and samples and puts their ids into the rows. */
    private void uploadFiles(ItemForm form) {
        for (ItemForm.MaterialRow row : form.materials) {
            if (row == null) {
                continue;
            }
            String blank = upload(row.blankFormUpload);
            if (blank != null) {
                row.blankFormFileId = blank;
            }
            String sample = upload(row.sampleUpload);
            if (sample != null) {
                row.sampleFileId = sample;
            }
        }
    }

    private @Nullable String upload(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            return items.uploadFile(name, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<String>> bindingErrors(BindingResult binding) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.computeIfAbsent(error.getField(), f -> new ArrayList<>())
                    .add(messages.get("admin.typeMismatch"));
        }
        if (binding.hasGlobalErrors()) {
            throw new BusinessException(CommonError.MALFORMED_REQUEST);
        }
        return errors;
    }

}
