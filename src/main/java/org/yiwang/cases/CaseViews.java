package org.yiwang.cases;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.catalog.FormField;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;
import org.yiwang.shared.Masking;

/** Builds what applicants and staff see of a case from its row, materials, trail and procedures. */
@Component
class CaseViews {

    /** Trail actions the applicant's timeline leaves out (internal task handling). */
    static final Set<CaseAction> INTERNAL = EnumSet.of(CaseAction.CLAIM, CaseAction.RELEASE,
            CaseAction.REASSIGN, CaseAction.OVERDUE, CaseAction.REQUEST_EXTENSION);
    /** Actions whose opinion the applicant is told (reasons that concern them). */
    private static final Set<CaseAction> TOLD = EnumSet.of(CaseAction.NOT_ACCEPT, CaseAction.REQUEST_CORRECTION,
            CaseAction.COMPLETE, CaseAction.WITHDRAW, CaseAction.EXTEND, CaseAction.PAUSE, CaseAction.DELIVER,
            CaseAction.VOID, CaseAction.DELETE, CaseAction.FORWARD);

    private final CaseMaterials materials;
    private final CaseTrail trail;
    private final CaseProcedures procedures;
    private final TimeLimits limits;
    private final Departments departments;
    private final PersonalDataCipher cipher;
    private final CaseClock clock;
    private final CaseLicences licences;

    CaseViews(CaseMaterials materials, CaseTrail trail, CaseProcedures procedures, TimeLimits limits,
            Departments departments, PersonalDataCipher cipher, CaseClock clock, CaseLicences licences) {
        this.licences = licences;
        this.materials = materials;
        this.trail = trail;
        this.procedures = procedures;
        this.limits = limits;
        this.departments = departments;
        this.cipher = cipher;
        this.clock = clock;
    }

    CaseView forApplicant(CaseRecord c) {
        return view(c, false, true);
    }

    CaseView forStaff(CaseRecord c) {
        return view(c, true, true);
    }

    /** As {@link #forStaff}, without the trail and timeline (not read), as an action answers. */
    CaseView actedForStaff(CaseRecord c) {
        return view(c, true, false);
    }

    private CaseView view(CaseRecord c, boolean staff, boolean history) {
        TimeLimits.Status status = limits.status(c, clock.today());
        List<TrailEntry> entries = history ? trail.entries(c.id()) : List.of();
        List<CaseView.TimelineEntry> timeline = entries.stream().filter(e -> !INTERNAL.contains(e.action()))
                .map(e -> new CaseView.TimelineEntry(e.at(), e.action(), e.actionLabel(), e.stateAfter(),
                        e.stateAfter().label(), TOLD.contains(e.action()) || e.action() == CaseAction.DECIDE
                                && "REFUSED".equals(e.details().get("decision")) ? e.opinion() : null))
                .toList();
        CaseView.Step step = c.currentTask() == null || c.state().closed() ? null : new CaseView.Step(
                c.currentTask(), stepName(c.currentTask()), c.currentRole(), roleLabel(c.currentRole()),
                c.handler(), c.taskSince());
        ResultCode result = c.resultCode() == null ? null : ResultCode.of(c.resultCode()).orElse(null);
        return new CaseView(c.number(), staff ? null : c.queryCode(), c.itemCode(), c.itemVersion(), c.itemName(),
                c.departmentCode(), departmentName(c.departmentCode()), c.regionCode(), c.caseType(), c.channel(),
                c.channel().label(), c.state(), c.state().label(), applicant(c), formValues(c),
                c.situationAnswers(), slots(c), c.state() == CaseState.CORRECTION_REQUESTED ? c.correctionItems() : null,
                c.submittedAt(), c.acceptedAt(), c.promisedDays(), c.extensionDays(), c.dueDate(), status.remaining(),
                status.warning(), status.warning().label(), status.stopped(), c.overdueSince() != null, step,
                c.decision(), c.resultCode(), result == null ? null : result.label(), c.resultReason(),
                c.completedAt(), c.deliveredAt() == null || c.deliveryMethod() == null ? null
                        : new CaseView.Delivery(c.deliveryMethod(), DeliveryMethod.valueOf(c.deliveryMethod()).label(),
                                c.deliveryNote(), c.deliveredAt()),
                procedures.all(c.id()), history ? timeline : null, staff && history ? entries : null,
                !staff && c.state() == CaseState.CORRECTION_REQUESTED ? "SUPPLEMENT" : null, c.version());
    }

    CaseSummary summary(CaseRecord c) {
        TimeLimits.Status status = limits.status(c, clock.today());
        return new CaseSummary(c.number(), c.itemCode(), c.itemName(), c.applicantName(), c.channel(), c.state(),
                c.state().label(), c.currentTask() == null || c.state().closed() ? null : stepName(c.currentTask()),
                c.currentRole(), c.handler(), c.submittedAt(), c.dueDate(), status.remaining(), status.warning(),
                status.stopped(), c.version());
    }

    DraftView draft(CaseRecord c, List<CaseView.MaterialSlot> slots, boolean situationsComplete) {
        return new DraftView(c.id(), c.itemCode(), c.itemName(), applicant(c), formValues(c), c.situationAnswers(),
                slots, situationsComplete, c.createdAt(), c.updatedAt(), c.caseNumber());
    }

    List<CaseView.MaterialSlot> slots(CaseRecord c) {
        Map<String, StoredMaterial> current = new LinkedHashMap<>();
        materials.current(c.id()).forEach(m -> current.put(m.slot(), m));
        return c.materialsRequired().stream()
                .map(m -> new CaseView.MaterialSlot(m.key(), m.name(), m.required(), current.get(m.key()),
                        licences.describe(current.get(m.key())), List.of()))
                .toList();
    }

    CaseView.ApplicantInfo applicant(CaseRecord c) {
        String idNumber = c.applicantIdEnc() == null ? null : IdNumber.of(cipher.decrypt(c.applicantIdEnc())).masked();
        return new CaseView.ApplicantInfo(c.applicantKind().name(), c.applicantName(), idNumber,
                c.applicantMobile() == null ? null : Masking.mobile(c.applicantMobile()), c.creditCode(),
                c.agentName(), c.agentRole() == null ? null : ActingFor.Role.valueOf(c.agentRole()).label());
    }

    /** Typed values and, for prefilled fields, the identity datum (ID number and mobile masked). */
    Map<String, String> formValues(CaseRecord c) {
        Map<String, String> values = new LinkedHashMap<>(c.formValues());
        c.formPrefill().forEach((key, source) -> values.put(key, switch (FormField.Prefill.valueOf(source)) {
            case APPLICANT_NAME -> c.agentName() == null ? c.applicantName() : c.agentName();
            case APPLICANT_ID_NUMBER -> applicant(c).idNumber() == null ? "" : applicant(c).idNumber();
            case APPLICANT_MOBILE -> c.applicantMobile() == null ? "" : Masking.mobile(c.applicantMobile());
            case ENTERPRISE_NAME -> c.applicantKind() == ApplicantKind.ENTERPRISE ? c.applicantName() : "";
            case ENTERPRISE_CREDIT_CODE -> c.creditCode() == null ? "" : c.creditCode();
        }));
        return values;
    }

    @Nullable String departmentName(String code) {
        return CreditCode.isValid(code) ? departments.find(CreditCode.of(code)).map(Department::name).orElse(null)
                : null;
    }

    static String stepName(String taskKey) {
        return switch (taskKey) {
            case CaseProcess.PRE_REVIEW -> "预审";
            case CaseProcess.ACCEPT -> "受理";
            case CaseProcess.REVIEW -> "审查";
            case CaseProcess.DECIDE -> "决定";
            case CaseProcess.COMPLETE -> "办结";
            default -> taskKey;
        };
    }

    static @Nullable String roleLabel(@Nullable String role) {
        if (role == null) {
            return null;
        }
        try {
            return StaffRole.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }
}
