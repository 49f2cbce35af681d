package org.yiwang.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.shared.BusinessException;

/**
 * 证照核验: a licence file is valid when it is an OFD, its seals verify, it carries a licence identifier this node
 * issued and that licence is valid now (not revoked, cancelled, annulled, superseded or expired). By identifier alone
 * (scanned 2-D code or typed) only the status is checked. Every check is reported, in Chinese.
 */
@Service
class LicenseVerification {

    enum Verdict {
        VALID("证照有效"), INVALID("证照无效"), UNREADABLE("无法识别的文件，请上传OFD格式的电子证照");

        final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    record Report(Verdict verdict, String verdictLabel, @Nullable LicenseView licence,
            List<LicenseSealing.Check> checks, List<LicenseSealing.Signature> signatures) {
    }

    private final LicenseStore store;
    private final LicenseSealing sealing;

    LicenseVerification(LicenseStore store, LicenseSealing sealing) {
        this.store = store;
        this.sealing = sealing;
    }

    /**
     * Outside a transaction: the seal checks take a connection only for their status queries, and the licence is
     * read by one query, so that no connection is held while the file is unpacked, hashed and its signatures checked.
     */
    public Report verifyFile(byte[] file) {
        LicenseSealing.SealReport seals = sealing.verify(file);
        if (seals.verdict().equals("UNREADABLE")) {
            return new Report(Verdict.UNREADABLE, Verdict.UNREADABLE.label, null,
                    List.of(new LicenseSealing.Check("OFD_READABLE", false, "文件不是可读取的OFD版式文档")), List.of());
        }
        List<LicenseSealing.Check> checks = new ArrayList<>();
        checks.add(new LicenseSealing.Check("OFD_READABLE", true, "文件是OFD版式文档"));
        checks.add(switch (seals.verdict()) {
            case "VALID" -> new LicenseSealing.Check("SEALS_VALID", true,
                    "电子印章验证通过（" + seals.signatures().size() + "个签章），文件签章后未被改动");
            case "UNSIGNED" -> new LicenseSealing.Check("SEALS_VALID", false, "文件未加盖电子印章");
            default -> new LicenseSealing.Check("SEALS_VALID", false, "电子印章验证未通过，文件可能被改动");
        });
        Optional<IssuedLicense> licence = licence(seals.identifier(), checks);
        return report(licence, checks, seals.signatures());
    }

    @Transactional(readOnly = true)
    public Report verifyIdentifier(String identifier) {
        List<LicenseSealing.Check> checks = new ArrayList<>();
        return report(licence(identifier, checks), checks, List.of());
    }

    /** The public status: refused when the identifier is malformed, not found when this node did not issue it. */
    @Transactional(readOnly = true)
    public LicenseView status(String identifier) {
        return store.find(LicenseId.parse(identifier)).map(LicenseView::publicOf)
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_NOT_FOUND));
    }

    private Optional<IssuedLicense> licence(@Nullable String identifier, List<LicenseSealing.Check> checks) {
        if (identifier == null || identifier.isBlank()) {
            checks.add(new LicenseSealing.Check("LICENSE_IDENTIFIER", false, "文件中没有电子证照标识"));
            return Optional.empty();
        }
        if (!LicenseId.isValid(identifier)) {
            checks.add(new LicenseSealing.Check("LICENSE_IDENTIFIER", false,
                    "电子证照标识“" + identifier + "”格式或校验码不正确"));
            return Optional.empty();
        }
        checks.add(new LicenseSealing.Check("LICENSE_IDENTIFIER", true, "电子证照标识格式和校验码正确"));
        Optional<IssuedLicense> licence = store.find(LicenseId.parse(identifier));
        checks.add(licence.isPresent()
                ? new LicenseSealing.Check("LICENSE_REGISTERED", true, "证照由" + licence.get().issuerName() + "颁发，已在证照库登记")
                : new LicenseSealing.Check("LICENSE_REGISTERED", false, "证照库中没有该证照"));
        licence.ifPresent(l -> {
            LicenseView view = LicenseView.publicOf(l);
            String message = "证照状态：" + view.statusLabel()
                    + (view.statusReason() == null ? "" : "（原因：" + view.statusReason() + "）")
                    + (view.status() == LicenseStatus.EXPIRED ? "（有效期至" + view.validUntil() + "）" : "");
            checks.add(new LicenseSealing.Check("LICENSE_STATUS", view.status() == LicenseStatus.VALID, message));
        });
        return licence;
    }

    private static Report report(Optional<IssuedLicense> licence, List<LicenseSealing.Check> checks,
            List<LicenseSealing.Signature> signatures) {
        Verdict verdict = checks.stream().allMatch(LicenseSealing.Check::passed) ? Verdict.VALID : Verdict.INVALID;
        return new Report(verdict, verdict.label, licence.map(LicenseView::publicOf).orElse(null), List.copyOf(checks),
                signatures);
    }
}
