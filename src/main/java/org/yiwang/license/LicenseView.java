package org.yiwang.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiwang.calendar.WorkingDayCalendar;

/**
 * A licence as the API and pages show it. {@code holderName} is full for the holder and staff, masked in the public
 * status; {@code metadata} is keyed by the type's field labels.
 */
record LicenseView(String identifier, String typeCode, String typeName, String number, int version, String issuer,
        String issuerCode, String holderName, @Nullable String holderCode, LocalDate issuedOn, @Nullable LocalDate validUntil,
        LicenseStatus status, String statusLabel, @Nullable String statusReason, @Nullable Instant statusChangedAt,
        @Nullable Map<String, String> metadata, @Nullable String caseNumber, boolean sealed) {

    record History(int version, String action, String actionLabel, @Nullable String reason, Instant at) {

        static List<History> of(List<LicenseStore.HistoryEntry> entries) {
            return entries.stream().map(e -> new History(e.version(), e.action(), switch (e.action()) {
                case "ISSUE" -> "颁发";
                case "IMPORT" -> "导入存量证照";
                case "CHANGE" -> "变更（新版本）";
                case "REVOKE" -> "撤销";
                case "CANCEL" -> "注销";
                case "ANNUL" -> "作废";
                default -> e.action();
            }, e.reason(), e.at())).toList();
        }
    }

    /** The holder's or staff's view. */
    static LicenseView of(IssuedLicense l, LicenseTypes types) {
        return view(l, l.holderName(), labelled(l, types), l.caseNumber());
    }

    /**
     * The public view (证照状态查询): holder name masked, a person's ID number left out (an organisation's credit code
     * is public), no metadata, no case number.
     */
    static LicenseView publicOf(IssuedLicense l) {
        return view(l, l.holderNameMasked(), null, null,
                l.holderKind() == LicenseType.HolderKind.ENTERPRISE ? l.holderCodeMasked() : null);
    }

    private static LicenseView view(IssuedLicense l, String holderName, @Nullable Map<String, String> metadata,
            @Nullable String caseNumber) {
        return view(l, holderName, metadata, caseNumber, l.holderCodeMasked());
    }

    private static LicenseView view(IssuedLicense l, String holderName, @Nullable Map<String, String> metadata,
            @Nullable String caseNumber, @Nullable String holderCode) {
        LicenseStatus status = l.status(LocalDate.now(WorkingDayCalendar.ZONE));
        LicenseId id = l.identifier();
        return new LicenseView(id.value(), id.typeCode(), l.typeName(), id.serial(), id.version(), l.issuerName(),
                id.issuer().value(), holderName, holderCode, l.issuedOn(), l.validUntil(), status,
                status.label(), l.statusReason(), l.statusChangedAt(), metadata, caseNumber, l.sealed());
    }

    private static Map<String, String> labelled(IssuedLicense l, LicenseTypes types) {
        Map<String, String> out = new LinkedHashMap<>();
        types.find(l.identifier().typeCode()).ifPresentOrElse(
                t -> t.fields().forEach(f -> {
                    if (l.metadata().containsKey(f.key())) {
                        out.put(f.label(), l.metadata().get(f.key()));
                    }
                }), () -> out.putAll(l.metadata()));
        return out;
    }
}
