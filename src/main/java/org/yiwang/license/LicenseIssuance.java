package org.yiwang.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;
import org.yiwang.shared.Masking;

/**
 * Issuance (证照生成与签发) and the life of a licence after it: a new version on change (变更), revocation (撤销),
 * cancellation (注销) and annulment (作废), each with a reason and a history entry. Every file is laid out by the type's
 * template and sealed by the issuing department; a new licence is rendered and sealed before the short transaction
 * that stores it.
 */
@Service
class LicenseIssuance {

    /** The holder (持证主体): a person by ID number or an organisation by credit code. */
    record Holder(LicenseType.HolderKind kind, String name, String code) {

        Holder {
            name = name == null ? "" : name.strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new BusinessException(LicenseError.LICENSE_HOLDER_INVALID, "请填写持证人名称（200字以内）");
            }
            code = kind == LicenseType.HolderKind.PERSON ? IdNumber.of(code).value() : CreditCode.of(code).value();
        }

        String masked() {
            return kind == LicenseType.HolderKind.PERSON ? Masking.idNumber(code) : code;
        }
    }

    /** What a department issues directly (直接颁发) or imports. */
    record Issue(String typeCode, Holder holder, Map<String, String> metadata, @Nullable LocalDate validUntil) {
    }

    /** 撤销, 注销, 作废: each ends a licence, with a reason. */
    enum StatusAction {
        REVOKE(LicenseStatus.REVOKED, "撤销"), CANCEL(LicenseStatus.CANCELLED, "注销"), ANNUL(LicenseStatus.ANNULLED, "作废");

        final LicenseStatus status;
        final String label;

        StatusAction(LicenseStatus status, String label) {
            this.status = status;
            this.label = label;
        }

        static StatusAction of(String name) {
            for (StatusAction a : values()) {
                if (a.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return a;
                }
            }
            throw new BusinessException(LicenseError.LICENSE_STATUS_ACTION_INVALID, name == null ? "" : name);
        }
    }

    private static final Set<StaffRole> ISSUING_ROLES = Set.of(StaffRole.REVIEWER, StaffRole.APPROVER,
            StaffRole.DEPARTMENT_ADMIN);

    private final LicenseTypes types;
    private final LicenseStore store;
    private final LicenseDocuments documents;
    private final LicenseSealing sealing;
    private final Departments departments;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transactions;
    private final Semaphore rendering = new Semaphore(Runtime.getRuntime().availableProcessors());

    LicenseIssuance(LicenseTypes types, LicenseStore store, LicenseDocuments documents, LicenseSealing sealing,
            Departments departments, PersonalDataCipher cipher, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.types = types;
        this.store = store;
        this.documents = documents;
        this.sealing = sealing;
        this.departments = departments;
        this.cipher = cipher;
    }

    /**
     * Direct issuance by staff of the issuing department; every required field must be given. Not one transaction:
     * the file is rendered and sealed first, then stored in a short one (see below).
     */
    public IssuedLicense issue(Staff staff, Issue issue) {
        requireIssuer(staff, staff.departmentCode(), "颁发电子证照");
        LicenseType type = types.require(issue.typeCode());
        Map<String, String> metadata = fields(type, issue.metadata());
        type.fields().stream().filter(f -> f.required() && metadata.getOrDefault(f.key(), "").isEmpty()).findFirst()
                .ifPresent(f -> {
                    throw new BusinessException(LicenseError.LICENSE_FIELD_MISSING, f.label());
                });
        requireKind(type, issue.holder());
        return issue(type, staff.departmentCode(), issue.holder(), metadata, issue.validUntil(), null, "DIRECT",
                staff.username());
    }

    /** Issuance from a completed case: the metadata are the form values the type's fields name. */
    IssuedLicense issueFromCase(LicenseType type, CreditCode issuer, Holder holder, Map<String, String> formValues,
            String caseNumber) {
        requireKind(type, holder);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (LicenseType.Field field : type.fields()) {
            if (field.formKey() != null && formValues.get(field.formKey()) != null) {
                metadata.put(field.key(), formValues.get(field.formKey()));
            }
        }
        return issue(type, issuer, holder, fields(type, metadata), null, caseNumber, "CASE", "system");
    }

    /**
     * Issues under a new serial number. The file is rendered and sealed before the transaction that stores the licence
     * and its history (the caller's, when there is one), so that a direct issuance holds a connection only to store.
     */
    IssuedLicense issue(LicenseType type, CreditCode issuer, Holder holder, Map<String, String> metadata,
            @Nullable LocalDate validUntil, @Nullable String caseNumber, String source, String actor) {
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        LicenseId id = new LicenseId(type.code(), issuer, store.nextSerial(type.code(), issuer, today.getYear()), 1);
        LocalDate until = validUntil != null ? validUntil
                : type.validityYears() == null ? null : today.plusYears(type.validityYears()).minusDays(1);
        LicenseStore.NewLicense sealed = sealed(type, id, holder, metadata, today, until, caseNumber, source, actor);
        return transactions.execute(tx -> {
            IssuedLicense issued = stored(sealed);
            store.history(issued.id(), source.equals("IMPORT") ? "IMPORT" : "ISSUE", null, actor, issued.createdAt());
            return issued;
        });
    }

    /**
     * 存量导入 of a licence issued before, under its own identifier: the given file kept as it is ({@code sealed}
     * whether its seals verified), or without one a generated and sealed file.
     */
    IssuedLicense importExisting(LicenseType type, LicenseId id, Holder holder, Map<String, String> metadata,
            LocalDate issuedOn, @Nullable LocalDate until, byte @Nullable [] file, boolean sealed, String actor) {
        requireKind(type, holder);
        IssuedLicense issued;
        if (file == null) {
            issued = write(type, id, holder, metadata, issuedOn, until, null, "IMPORT", actor);
        } else {
            Department issuer = departments.require(id.issuer());
            store.insert(new LicenseStore.NewLicense(id, type.name(), issuer.name(), holder.kind(), holder.name(),
                    cipher.encrypt(holder.code()), cipher.hash(holder.code()), holder.masked(),
                    issuer.regionCode().value(), issuedOn, until, metadata, null, "IMPORT", file,
                    sealed, Instant.now(), actor));
            issued = store.find(id).orElseThrow();
        }
        store.history(issued.id(), "IMPORT", null, actor, issued.createdAt());
        return issued;
    }

    /** 变更: a new version with the changed metadata; the old version is superseded. */
    @Transactional
    public IssuedLicense change(Staff staff, LicenseId identifier, Map<String, String> changes, @Nullable String reason) {
        IssuedLicense old = store.lock(identifier)
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_NOT_FOUND));
        requireIssuer(staff, identifier.issuer(), "变更电子证照");
        String why = reason(reason, "变更");
        requireValid(old, "变更");
        LicenseType type = types.require(identifier.typeCode());
        Map<String, String> metadata = new LinkedHashMap<>(old.metadata());
        metadata.putAll(fields(type, changes));
        Holder holder = new Holder(old.holderKind(), old.holderName(), cipher.decrypt(store.holderCode(old.id())));
        IssuedLicense next = write(type, identifier.nextVersion(), holder, metadata,
                LocalDate.now(WorkingDayCalendar.ZONE), old.validUntil(), null, old.source(), staff.username());
        store.setStatus(old.id(), LicenseStatus.SUPERSEDED, why, next.createdAt());
        store.history(next.id(), "CHANGE", why, staff.username(), next.createdAt());
        return next;
    }

    /** 撤销, 注销 or 作废 with a reason; shown at verification from then on. */
    @Transactional
    public IssuedLicense end(Staff staff, LicenseId identifier, StatusAction action, @Nullable String reason) {
        IssuedLicense license = store.lock(identifier)
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_NOT_FOUND));
        requireIssuer(staff, identifier.issuer(), action.label + "电子证照");
        String why = reason(reason, action.label);
        if (license.storedStatus() != LicenseStatus.VALID) {
            throw new BusinessException(LicenseError.LICENSE_NOT_VALID, license.storedStatus().label(), action.label);
        }
        Instant now = Instant.now();
        store.setStatus(license.id(), action.status, why, now);
        store.history(license.id(), action.name(), why, staff.username(), now);
        return store.find(identifier).orElseThrow();
    }

    private IssuedLicense write(LicenseType type, LicenseId id, Holder holder, Map<String, String> metadata,
            LocalDate issuedOn, @Nullable LocalDate until, @Nullable String caseNumber, String source, String actor) {
        return stored(sealed(type, id, holder, metadata, issuedOn, until, caseNumber, source, actor));
    }

    /** The licence rendered by its type's template and sealed by the issuing department, ready to store. */
    private LicenseStore.NewLicense sealed(LicenseType type, LicenseId id, Holder holder, Map<String, String> metadata,
            LocalDate issuedOn, @Nullable LocalDate until, @Nullable String caseNumber, String source, String actor) {
        Department issuer = departments.require(id.issuer());
        LicenseContent content = new LicenseContent(id, type.name(), holder.name(), holder.code(), issuer.name(),
                issuedOn, until, metadata);
        LicenseSealing.Sealed file = renderSealed(type, content, null, "电子证照签发 " + id.value());
        return new LicenseStore.NewLicense(id, type.name(), issuer.name(), holder.kind(), holder.name(),
                cipher.encrypt(holder.code()), cipher.hash(holder.code()), holder.masked(),
                issuer.regionCode().value(), issuedOn, until, metadata, caseNumber, source, file.file(),
                file.sealed(), Instant.now(), actor);
    }

    private IssuedLicense stored(LicenseStore.NewLicense sealed) {
        store.insert(sealed);
        return store.find(sealed.identifier()).orElseThrow();
    }

    /** Re-renders a stored licence with a watermark for a third party, sealed like the original. */
    byte[] watermarkedCopy(IssuedLicense license, LicenseDocuments.Watermark watermark) {
        LicenseType type = types.require(license.identifier().typeCode());
        LicenseContent content = new LicenseContent(license.identifier(), license.typeName(), license.holderName(),
                cipher.decrypt(store.holderCode(license.id())), license.issuerName(), license.issuedOn(),
                license.validUntil(), license.metadata());
        return renderSealed(type, content, watermark, "电子证照授权使用副本 " + license.identifier().value()).file();
    }

    /**
     * Renders and seals, at most one per processor at a time: this is pure CPU, and more at once only slow each other
     * and the short queries of every other request, which then wait for database connections.
     */
    private LicenseSealing.Sealed renderSealed(LicenseType type, LicenseContent content,
            LicenseDocuments.@Nullable Watermark watermark, String purpose) {
        rendering.acquireUninterruptibly();
        try {
            return sealing.seal(content.id().issuer(), documents.render(type, content, watermark), type.layout().seal(),
                    purpose);
        } finally {
            rendering.release();
        }
    }

    /** Staff of the issuing department in an issuing role, or a platform administrator. */
    static void requireIssuer(Staff staff, CreditCode issuer, String what) {
        if (staff.has(StaffRole.PLATFORM_ADMIN)) {
            return;
        }
        if (ISSUING_ROLES.stream().noneMatch(staff::has)) {
            throw new BusinessException(LicenseError.LICENSE_ROLE_REQUIRED, what);
        }
        if (!staff.departmentCode().equals(issuer)) {
            throw new BusinessException(LicenseError.LICENSE_NOT_YOUR_DEPARTMENT);
        }
    }

    private static void requireKind(LicenseType type, Holder holder) {
        if (holder.kind() != type.holderKind()) {
            throw new BusinessException(LicenseError.LICENSE_HOLDER_INVALID,
                    type.name() + "的持证人应为" + type.holderKind().label());
        }
    }

    private static void requireValid(IssuedLicense license, String what) {
        LicenseStatus status = license.status(LocalDate.now(WorkingDayCalendar.ZONE));
        if (status != LicenseStatus.VALID) {
            throw new BusinessException(LicenseError.LICENSE_NOT_VALID, status.label(), what);
        }
    }

    private static String reason(@Nullable String reason, String what) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new BusinessException(LicenseError.LICENSE_REASON_REQUIRED, what);
        }
        return r;
    }

    /** Only the type's fields, stripped, at most 500 characters each. */
    private static Map<String, String> fields(LicenseType type, Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (LicenseType.Field field : type.fields()) {
            String v = values.get(field.key());
            if (v != null && !v.isBlank()) {
                String s = v.strip();
                if (s.length() > 500) {
                    throw new BusinessException(LicenseError.LICENSE_FIELD_MISSING, field.label() + "（500字以内）");
                }
                kept.put(field.key(), s);
            }
        }
        return kept;
    }
}
