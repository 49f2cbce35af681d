package org.yiwang.license;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.QrCode;

/**
 * Pages of licences for citizens and the public: 我的证照 ({@code /account/licenses}: list, detail with history,
 * download, authorisations and their uses), 证照核验 ({@code /licenses/verify}: upload a file, or the identifier from the
 * 2-D code) and 授权使用 ({@code /licenses/shared}: a third party fetches the copy it was given a code for).
 */
@Controller
class LicensePages {

    /** Formats times in Beijing time for the templates. */
    static final class Times {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        public String at(@Nullable Instant at) {
            return at == null ? "—" : FORMAT.format(at.atZone(WorkingDayCalendar.ZONE));
        }
    }

    static final Times TIMES = new Times();

    private final LicenseWallet wallet;
    private final LicenseTypes types;
    private final LicenseGrants grants;
    private final LicenseVerification verification;
    private final LicenseProperties properties;
    private final CurrentApplicant current;
    private final MessageSource messages;

    LicensePages(LicenseWallet wallet, LicenseTypes types, LicenseGrants grants, LicenseVerification verification,
            LicenseProperties properties, CurrentApplicant current, MessageSource messages) {
        this.wallet = wallet;
        this.types = types;
        this.grants = grants;
        this.verification = verification;
        this.properties = properties;
        this.current = current;
        this.messages = messages;
    }

    @GetMapping("/account/licenses")
    String list(Model model) {
        Applicant applicant = current.require();
        model.addAttribute("acting", applicant.acting());
        try {
            model.addAttribute("licences", wallet.list(applicant).stream().map(l -> LicenseView.of(l, types))
                    .toList());
        } catch (BusinessException e) {
            model.addAttribute("licences", java.util.List.of());
            model.addAttribute("error", message(e));
        }
        return "account/licenses";
    }

    @GetMapping("/account/licenses/{identifier}")
    String detail(@PathVariable String identifier, Model model) {
        return detail(current.require(), identifier, model);
    }

    @GetMapping("/account/licenses/{identifier}/file")
    ResponseEntity<byte[]> file(@PathVariable String identifier) {
        return LicenseApi.ofd(wallet.file(current.require(), identifier), identifier);
    }

    @PostMapping("/account/licenses/{identifier}/grants")
    String grant(@PathVariable String identifier, @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String grantee,
            @RequestParam(required = false) @Nullable String expiresOn, Model model) {
        Applicant applicant = current.require();
        try {
            LicenseGrants.Granted granted = grants.grant(applicant, identifier, new LicenseGrants.NewGrant(purpose,
                    grantee, expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn)));
            String url = properties.publicBaseUrl().replaceAll("/+$", "") + "/licenses/shared?code="
                    + granted.code();
            model.addAttribute("granted", granted);
            model.addAttribute("grantUrl", url);
            model.addAttribute("grantQr", QrCode.dataUri(url));
        } catch (BusinessException e) {
            model.addAttribute("grantError", message(e));
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("grantError", "截止日期格式不正确");
        }
        return detail(applicant, identifier, model);
    }

    @PostMapping("/account/licenses/{identifier}/grants/{grantId}/revoke")
    String revoke(@PathVariable String identifier, @PathVariable long grantId) {
        grants.revoke(current.require(), identifier, grantId);
        return "redirect:/account/licenses/" + identifier + "?revoked";
    }

    @GetMapping("/licenses/verify")
    String verifyPage(@RequestParam(required = false) @Nullable String id, Model model) {
        if (id != null && !id.isBlank()) {
            model.addAttribute("id", id.strip());
            model.addAttribute("report", verification.verifyIdentifier(id.strip()));
        }
        return "licenses/verify";
    }

    @PostMapping("/licenses/verify")
    String verifyFile(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要核验的OFD文件");
        } else {
            model.addAttribute("report", verification.verifyFile(file.getBytes()));
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "licenses/verify";
    }

    @GetMapping("/licenses/shared")
    String sharedPage(@RequestParam(required = false) @Nullable String code, Model model) {
        model.addAttribute("code", code);
        return "licenses/shared";
    }

    @PostMapping("/licenses/shared")
    Object shared(@RequestParam(required = false) @Nullable String code, HttpServletRequest request, Model model) {
        try {
            LicenseGrants.Copy copy = grants.use(code, request.getHeader("User-Agent"), request.getRemoteAddr());
            return LicenseApi.ofd(copy.file(), copy.identifier());
        } catch (BusinessException e) {
            model.addAttribute("code", code);
            model.addAttribute("error", message(e));
            return "licenses/shared";
        }
    }

    private String detail(Applicant applicant, String identifier, Model model) {
        model.addAttribute("licence", LicenseView.of(wallet.find(applicant, identifier), types));
        model.addAttribute("history", LicenseView.History.of(wallet.history(applicant, identifier)));
        model.addAttribute("grants", grants.list(applicant, identifier));
        model.addAttribute("now", Instant.now());
        model.addAttribute("maxGrantDays", properties.maxGrant().toDays());
        model.addAttribute("times", TIMES);
        return "account/license";
    }

    private String message(BusinessException e) {
        return LicensePageErrors.message(messages, e);
    }
}
