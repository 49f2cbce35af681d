package org.yiwang.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.department.Department;
import org.yiwang.department.Department.DepartmentLevel;
import org.yiwang.department.DepartmentAdministration;
import org.yiwang.department.DepartmentForm;
import org.yiwang.department.Departments;
import org.yiwang.portal.PageNotFoundException;
import org.yiwang.region.Region;
import org.yiwang.region.Regions;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * Departments (部门管理) for platform administrators: the list by level, filtered by level and region, and the form
 * to create or change a department. The department module checks the data; its refusal is shown next to the field.
 */
@Controller
@RequestMapping("/admin/departments")
class DepartmentAdminPages {

    /** The form's fields, in the order the department module checks them. */
    static final List<String> FIELDS = List.of("creditCode", "name", "shortName", "regionCode", "level", "address",
            "phone", "officeHours", "website");

    private final Departments departments;
    private final DepartmentAdministration administration;
    private final Regions regions;
    private final AdminMessages messages;

    DepartmentAdminPages(Departments departments, DepartmentAdministration administration, Regions regions,
            AdminMessages messages) {
        this.departments = departments;
        this.administration = administration;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable DepartmentLevel level,
            @RequestParam(defaultValue = "") String region, Model model) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Region filter = null;
        if (!region.isBlank()) {
            filter = lookup(region).orElse(null);
            if (filter == null) {
                errors.put("region", List.of(messages.get("admin.departments.regionUnknown", region.strip())));
            }
        }
        Map<DepartmentLevel, List<Department>> byLevel = new LinkedHashMap<>();
        if (errors.isEmpty()) {
            departments.list(filter == null ? null : filter.code(), level)
                    .forEach(d -> byLevel.computeIfAbsent(d.level(), l -> new ArrayList<>()).add(d));
        }
        Map<DivisionCode, String> regionNames = new LinkedHashMap<>();
        byLevel.values().forEach(list -> list.forEach(d -> regionNames.computeIfAbsent(d.regionCode(),
                c -> regions.find(c).map(Region::name).orElse(c.value()))));
        model.addAttribute("byLevel", byLevel);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("level", level);
        model.addAttribute("region", region.strip());
        model.addAttribute("regionFilter", filter);
        model.addAttribute("levels", DepartmentLevel.values());
        model.addAttribute("errors", errors);
        return "admin/departments";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new DepartmentForm("", "", "", "", "", "", "", "", ""), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") DepartmentForm form, Model model, RedirectAttributes flash) {
        try {
            Department created = administration.create(form);
            flash.addFlashAttribute("notice", messages.get("admin.departments.created", created.name()));
            return "redirect:/admin/departments";
        } catch (BusinessException e) {
            return form(model, form, null, refusal(e));
        }
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        Department d = existing(code);
        return form(model, new DepartmentForm(d.creditCode().value(), d.name(), d.shortName(), d.regionCode().value(),
                d.level().name(), d.address(), d.phone(), d.officeHours(), d.website() == null ? "" : d.website()),
                d, Map.of());
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") DepartmentForm form, Model model,
            RedirectAttributes flash) {
        Department d = existing(code);
        try {
            Department saved = administration.update(d.creditCode(), form);
            flash.addFlashAttribute("notice", messages.get("admin.departments.saved", saved.name()));
            return "redirect:/admin/departments";
        } catch (BusinessException e) {
            return form(model, form, d, refusal(e));
        }
    }

    /** The name of the region with this division code, for the form (htmx) while the code is typed. */
    @GetMapping("/region-name")
    String regionName(@RequestParam(defaultValue = "") String regionCode, Model model) {
        model.addAttribute("regionName", regionName(regionCode));
        return "admin/department-form :: regionName";
    }

    private String form(Model model, DepartmentForm form, @Nullable Department department,
            Map<String, List<String>> errors) {
        model.addAttribute("form", form);
        model.addAttribute("department", department);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", DepartmentLevel.values());
        model.addAttribute("regionName", regionName(form.regionCode()));
        return "admin/department-form";
    }

    private Department existing(String code) {
        return (CreditCode.isValid(code) ? departments.find(CreditCode.of(code)) : Optional.<Department>empty())
                .orElseThrow(() -> new PageNotFoundException("department.notFound", code));
    }

    /** The region's name with its parents' ("广东省 深圳市 福田区"), or null when the code names no region. */
    private @Nullable String regionName(@Nullable String code) {
        return code == null || code.isBlank() ? null : lookup(code).map(r -> String.join(" ",
                regions.path(r.code()).stream().map(Region::name).toList())).orElse(null);
    }

    private Optional<Region> lookup(String code) {
        String c = code.strip();
        return DivisionCode.isWellFormed(c) ? regions.lookup(DivisionCode.of(c)) : Optional.empty();
    }

    /** The refusal next to the field it is about; the department module reports one broken rule at a time. */
    private Map<String, List<String>> refusal(BusinessException e) {
        String field = switch (e.error().code()) {
            case "INVALID_CREDIT_CODE", "DEPARTMENT_ALREADY_EXISTS", "DEPARTMENT_CODE_MISMATCH" -> "creditCode";
            case "INVALID_DIVISION_CODE", "DEPARTMENT_REGION_UNKNOWN" -> "regionCode";
            case "DEPARTMENT_LEVEL_INVALID" -> "level";
            case "DEPARTMENT_FIELD_INVALID" -> FIELDS.contains(String.valueOf(e.args()[0])) ? String.valueOf(e.args()[0]) : "";
            default -> "";
        };
        String message = e.error().code().equals("DEPARTMENT_FIELD_INVALID") && !field.isEmpty()
                ? messages.get("admin.departments.fieldInvalid", messages.get("admin.departments.f." + field),
                        e.args()[1])
                : messages.of(e);
        return Map.of(field, List.of(message));
    }
}
