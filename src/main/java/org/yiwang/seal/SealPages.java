package org.yiwang.seal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.CreditCode;

/**
 * Seal management pages (印章管理, {@code /admin/seals}): the seals with picture, status, validity and use count; status
 * changes with a reason; import of an external signing certificate and key. No page ever shows a private key.
 */
@Controller
@RequestMapping("/admin/seals")
class SealPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final SealAdministration administration;
    private final Departments departments;
    private final MessageSource messages;

    SealPages(SealAdministration administration, Departments departments, MessageSource messages) {
        this.administration = administration;
        this.departments = departments;
        this.messages = messages;
    }

    /** A seal as listed. */
    record SealRow(String id, String name, String typeLabel, String departmentName, String status, String statusLabel,
            @Nullable String statusReason, String validFrom, String validTo, long useCount, boolean usable,
            String certificateSubject, boolean importedCertificate) {
    }

    @GetMapping
    String list(Model model) {
        return render(model, null);
    }

    @GetMapping("/{id}/picture")
    ResponseEntity<byte[]> picture(@PathVariable String id) {
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                    .body(administration.seal(staff(), id).picture());
        } catch (BusinessException e) {
            return ResponseEntity.notFound().build();
        }
    }

    /** The seal's use log (用印记录): the latest 200 uses. */
    @GetMapping("/{id}/uses")
    String uses(@PathVariable String id, Model model, HttpServletResponse response) {
        Staff staff = staff();
        try {
            Seal seal = administration.seal(staff, id);
            model.addAttribute("seal", seal);
            model.addAttribute("uses", administration.uses(staff, id));
            model.addAttribute("times", TIME);
            return "admin/seal-uses";
        } catch (BusinessException e) {
            return refused(e, model, response);
        }
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable String id, @RequestParam String to, @RequestParam(required = false) @Nullable String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Seal seal = administration.changeStatus(staff(), id, status(to), reason);
            redirect.addFlashAttribute("notice", "印章“" + seal.name() + "”已" + switch (seal.status()) {
                case ACTIVE -> "恢复使用";
                case SUSPENDED -> "暂停使用";
                case REVOKED -> "注销";
            } + "。");
            return "redirect:/admin/seals";
        } catch (BusinessException e) {
            return refused(e, model, response);
        }
    }

    @PostMapping("/import")
    String importCertificate(@RequestParam(required = false) @Nullable String department,
            @RequestParam String certificate, @RequestParam String privateKey, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Staff staff = staff();
        try {
            CreditCode code = staff.has(StaffRole.PLATFORM_ADMIN) && department != null && !department.isBlank()
                    ? CreditCode.of(department.strip()) : staff.departmentCode();
            List<Seal> made = administration.importCertificate(staff, code, certificate, privateKey);
            redirect.addFlashAttribute("notice", "证书已导入，已制作 " + made.size() + " 枚绑定该证书的新印章。");
            return "redirect:/admin/seals";
        } catch (BusinessException e) {
            return refused(e, model, response);
        }
    }

    /** A missing field or a malformed path (e.g. a certificate id that is no UUID): the list with the reason. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return refused(new BusinessException(CommonError.INVALID_PARAMETER, name), model, response);
    }


    @PostMapping("/certificates/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            StoredCertificate revoked = administration.revokeCertificate(staff(), id, reason);
            redirect.addFlashAttribute("notice", "证书（序列号 " + revoked.serialNumber() + "）已吊销。");
            return "redirect:/admin/seals";
        } catch (BusinessException e) {
            return refused(e, model, response);
        }
    }

    /** A signing certificate as listed; never its key. */
    record CertificateRow(UUID id, String departmentName, String subject, String serialNumber, String issuer,
            String validFrom, String validTo, boolean imported, @Nullable String revokedAt,
            @Nullable String revocationReason) {
    }

    /** The list with the refusal's Chinese text and its stable code; the status is the refusal's. */
    private String refused(BusinessException e, Model model, HttpServletResponse response) {
        response.setStatus(e.error().status().value());
        model.addAttribute("errorCode", e.error().code());
        return render(model, messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale()));
    }

    private String render(Model model, @Nullable String error) {
        Staff staff = staff();
        Instant now = Instant.now();
        Map<UUID, StoredCertificate> certificates = new LinkedHashMap<>();
        administration.certificates(staff).forEach(c -> certificates.put(c.id(), c));
        model.addAttribute("rows", administration.seals(staff).stream()
                .map(seal -> row(seal, certificates.get(seal.certificateId()), now)).toList());
        model.addAttribute("certificates", certificates.values().stream().map(this::row).toList());
        model.addAttribute("error", error);
        model.addAttribute("platformAdmin", staff.has(StaffRole.PLATFORM_ADMIN));
        model.addAttribute("departments", staff.has(StaffRole.PLATFORM_ADMIN) ? departments.all()
                : departments.find(staff.departmentCode()).stream().toList());
        return "admin/seals";
    }

    private SealRow row(Seal seal, @Nullable StoredCertificate certificate, Instant now) {
        return new SealRow(seal.id(), seal.name(), seal.type().label(), departmentName(seal.departmentCode()),
                seal.status().name(), seal.status().label(), seal.statusReason(), DATE.format(seal.validFrom()),
                DATE.format(seal.validTo()), seal.useCount(), SealAdministration.isActiveAt(seal, now),
                certificate == null ? "" : certificate.subject(), certificate != null && certificate.imported());
    }

    private CertificateRow row(StoredCertificate c) {
        return new CertificateRow(c.id(), departmentName(String.valueOf(c.departmentCode())), c.subject(),
                c.serialNumber(), c.issuer(), DATE.format(c.notBefore()), DATE.format(c.notAfter()), c.imported(),
                c.revokedAt() == null ? null : DATE.format(c.revokedAt()), c.revocationReason());
    }

    private String departmentName(String code) {
        try {
            return departments.find(CreditCode.of(code)).map(Department::name).orElse(code);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static SealStatus status(String to) {
        try {
            return SealStatus.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(SealError.SEAL_STATUS_CONFLICT, "", to);
        }
    }

    private static Staff staff() {
        return CurrentStaff.require();
    }
}
