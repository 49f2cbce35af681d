package org.yiwang.license;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;

/**
 * The department's licences in the staff console ({@code /admin/licenses}): the licences it issued, direct issuance
 * (直接颁发) by type, and for one licence its history, a change (变更, new version) and 撤销/注销/作废 with a reason.
 * Reviewers, approvers and department administrators act for their own department; supervisors of the region and
 * platform administrators may look.
 */
@Controller
class LicenseAdminPages {

    private static final String FIELD_PREFIX = "f.";

    private final LicenseStore store;
    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final MessageSource messages;
    private final LicenseImport imports;

    LicenseAdminPages(LicenseStore store, LicenseTypes types, LicenseIssuance issuance, MessageSource messages,
            LicenseImport imports) {
        this.imports = imports;
        this.store = store;
        this.types = types;
        this.issuance = issuance;
        this.messages = messages;
    }

    @GetMapping("/admin/licenses")
    String list(Model model) {
        Staff staff = CurrentStaff.require();
        model.addAttribute("licences", store.ofIssuer(staff.departmentCode(), 200).stream()
                .map(l -> LicenseView.of(l, types)).toList());
        model.addAttribute("types", types.all());
        return "admin/licenses";
    }

    /** 存量导入: the CSV and the OFD files it names; every problem is listed, and then nothing is imported. */
    @PostMapping("/admin/licenses/import")
    String importCsv(@RequestParam String typeCode, @RequestParam(required = false) @Nullable MultipartFile csv,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model)
            throws IOException {
        try {
            if (csv == null || csv.isEmpty()) {
                throw new BusinessException(LicenseError.LICENSE_FILE_INVALID, "请选择CSV文件");
            }
            Map<String, byte[]> named = new LinkedHashMap<>();
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                if (!f.isEmpty() && f.getOriginalFilename() != null) {
                    named.put(f.getOriginalFilename(), f.getBytes());
                }
            }
            model.addAttribute("imported", imports.importCsv(CurrentStaff.require(), typeCode, csv.getBytes(), named));
        } catch (RuleViolations v) {
            model.addAttribute("importError", message(v));
            model.addAttribute("importProblems", v.violations().stream().map(x -> messages.getMessage(
                    "error." + x.error().code(), x.args().toArray(), x.error().code(),
                    LocaleContextHolder.getLocale())).toList());
        } catch (BusinessException e) {
            model.addAttribute("importError", message(e));
        }
        return list(model);
    }

    @GetMapping("/admin/licenses/new")
    String issueForm(@RequestParam String type, Model model) {
        model.addAttribute("type", types.require(type));
        model.addAttribute("values", Map.of());
        return "admin/license-issue";
    }

    @PostMapping("/admin/licenses")
    String issue(@RequestParam String typeCode, @RequestParam(required = false) @Nullable String holderName,
            @RequestParam(required = false) @Nullable String holderCode,
            @RequestParam(required = false) @Nullable String validUntil, @RequestParam Map<String, String> params,
            Model model) {
        LicenseType type = types.require(typeCode);
        try {
            IssuedLicense issued = issuance.issue(CurrentStaff.require(), new LicenseIssuance.Issue(typeCode,
                    new LicenseIssuance.Holder(type.holderKind(), holderName, holderCode), fields(params),
                    validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil)));
            return "redirect:/admin/licenses/" + issued.identifier().value() + "?issued";
        } catch (BusinessException e) {
            model.addAttribute("type", type);
            model.addAttribute("values", params);
            model.addAttribute("error", message(e));
            return "admin/license-issue";
        }
    }

    @GetMapping("/admin/licenses/{identifier}")
    String detail(@PathVariable String identifier, Model model) {
        IssuedLicense licence = visible(identifier);
        model.addAttribute("licence", LicenseView.of(licence, types));
        model.addAttribute("type", types.require(licence.identifier().typeCode()));
        model.addAttribute("values", licence.metadata());
        model.addAttribute("history", LicenseView.History.of(store.history(licence.identifier())));
        model.addAttribute("times", LicensePages.TIMES);
        return "admin/license";
    }

    @GetMapping("/admin/licenses/{identifier}/file")
    ResponseEntity<byte[]> file(@PathVariable String identifier) {
        return LicenseApi.ofd(store.file(visible(identifier).id()), identifier);
    }

    @PostMapping("/admin/licenses/{identifier}/end")
    String end(@PathVariable String identifier, @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String reason, Model model) {
        try {
            issuance.end(CurrentStaff.require(), LicenseId.parse(identifier), LicenseIssuance.StatusAction.of(action),
                    reason);
            return "redirect:/admin/licenses/" + identifier + "?ended";
        } catch (BusinessException e) {
            model.addAttribute("error", message(e));
            return detail(identifier, model);
        }
    }

    @PostMapping("/admin/licenses/{identifier}/change")
    String change(@PathVariable String identifier, @RequestParam(required = false) @Nullable String reason,
            @RequestParam Map<String, String> params, Model model) {
        try {
            IssuedLicense next = issuance.change(CurrentStaff.require(), LicenseId.parse(identifier), fields(params),
                    reason);
            return "redirect:/admin/licenses/" + next.identifier().value() + "?changed";
        } catch (BusinessException e) {
            model.addAttribute("error", message(e));
            return detail(identifier, model);
        }
    }

    /** The issuing department's staff, supervisors of its region and platform administrators see a licence. */
    private IssuedLicense visible(String identifier) {
        Staff staff = CurrentStaff.require();
        IssuedLicense licence = LicenseId.isValid(identifier) ? store.find(LicenseId.parse(identifier)).orElse(null)
                : null;
        if (licence == null || !(staff.departmentCode().equals(licence.identifier().issuer())
                || staff.covers(StaffRole.SUPERVISOR, licence.identifier().issuer(),
                        org.yiwang.shared.DivisionCode.of(licence.regionCode()))
                || staff.has(StaffRole.PLATFORM_ADMIN))) {
            throw new BusinessException(LicenseError.LICENSE_NOT_FOUND);
        }
        return licence;
    }

    private static Map<String, String> fields(Map<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX)) {
                fields.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        return fields;
    }

    private String message(BusinessException e) {
        return LicensePageErrors.message(messages, e);
    }
}
