package org.yiwang.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.identity.Staff;

/**
 * A case as the four GB/T 39046 data sets the national hub takes: 办事申请 ({@code application}), 事项受理
 * ({@code acceptance}), 事项办理 ({@code handling}, one entry per step, with special procedures) and 事项办结
 * ({@code completion}). Keys are English; {@code docs/cases.md} maps each to the standard's Chinese data element.
 * Unlike every page, the data sets carry the applicant's full ID number: they are for the exchange, staff only.
 */
@Service
public class CaseDatasets {

    /** The four data sets of one case. */
    public record Datasets(String caseNumber, Application application, @Nullable Acceptance acceptance,
            List<HandlingStep> handling, @Nullable Completion completion) {
    }

    /** 办事申请. */
    public record Application(String caseNumber, String itemCode, String itemName, int itemVersion,
            String departmentCode, @Nullable String departmentName, String regionCode, String applicantType,
            String applicantName, String applicantIdType, String applicantIdNumber, @Nullable String contactName,
            @Nullable String contactIdNumber, @Nullable String contactMobile, String handlingForm,
            @Nullable Instant submittedAt, Map<String, String> formValues, Map<String, String> situationAnswers,
            List<MaterialEntry> materials) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MaterialEntry(String key, String name, boolean required, @Nullable String source,
            @Nullable String fileName, @Nullable String mediaType, @Nullable Long size, @Nullable String sha256,
            @Nullable String licenceId, @Nullable String credibilityGrade) {
    }

    /** 事项受理: accepted, or not (不予受理) with the reason. */
    public record Acceptance(boolean accepted, String handler, @Nullable Instant at, @Nullable String reason,
            String caseType, int promisedDays, @Nullable LocalDate promisedCompletionDate) {
    }

    /** 事项办理: one step; state 1 pending, 2 done; action PASS / RETURN / OTHER. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandlingStep(String action, String stepName, @Nullable String handler,
            @Nullable String handlerName, @Nullable String opinion, @Nullable Instant startedAt,
            @Nullable Instant endedAt, int state, @Nullable Procedure specialProcedure) {
    }

    /** Special procedure of a step: type 1 extension, 2 other. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Procedure(int type, String name, String reason, @Nullable Integer days, LocalDate startedOn,
            @Nullable LocalDate endedOn, @Nullable String result) {
    }

    /** 事项办结. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Completion(int resultCode, String resultLabel, @Nullable String reason, Instant completedAt,
            @Nullable String deliveryMethod, @Nullable Instant deliveredAt) {
    }

    /** Trail actions that are steps of 事项办理 (special procedures come from their own records). */
    private static final Set<CaseAction> STEPS = EnumSet.of(CaseAction.PRE_REVIEW, CaseAction.ACCEPT,
            CaseAction.NOT_ACCEPT, CaseAction.REQUEST_CORRECTION, CaseAction.SUPPLEMENT, CaseAction.REVIEW,
            CaseAction.DECIDE, CaseAction.COMPLETE, CaseAction.DELIVER, CaseAction.WITHDRAW);

    private final Workbench workbench;
    private final CaseTrail trail;
    private final CaseMaterials materials;
    private final CaseProcedures procedures;
    private final CaseViews views;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate tx;

    CaseDatasets(Workbench workbench, CaseTrail trail, CaseMaterials materials, CaseProcedures procedures,
            CaseViews views, PersonalDataCipher cipher, TransactionTemplate tx) {
        this.workbench = workbench;
        this.trail = trail;
        this.materials = materials;
        this.procedures = procedures;
        this.views = views;
        this.cipher = cipher;
        this.tx = tx;
    }

    public Datasets of(Staff staff, String caseNumber) {
        return java.util.Objects.requireNonNull(tx.execute(status -> {
            return build(workbench.visible(staff, caseNumber));
        }));
    }

    Datasets build(CaseRecord c) {
        List<TrailEntry> entries = trail.entries(c.id());
        return new Datasets(c.number(), application(c), acceptance(c, entries), handling(c, entries),
                completion(c));
    }

    private Application application(CaseRecord c) {
        String idNumber = c.applicantIdEnc() == null ? "" : cipher.decrypt(c.applicantIdEnc());
        boolean enterprise = c.applicantKind() == ApplicantKind.ENTERPRISE;
        Map<String, String> values = new LinkedHashMap<>(c.formValues());
        c.formPrefill().forEach((key, source) -> values.put(key, switch (source) {
            case "APPLICANT_ID_NUMBER" -> idNumber;
            case "APPLICANT_MOBILE" -> c.applicantMobile() == null ? "" : c.applicantMobile();
            default -> views.formValues(c).getOrDefault(key, "");
        }));
        Map<String, StoredMaterial> current = new LinkedHashMap<>();
        materials.current(c.id()).forEach(m -> current.put(m.slot(), m));
        List<MaterialEntry> list = c.materialsRequired().stream().map(m -> {
            StoredMaterial s = current.get(m.key());
            return s == null ? new MaterialEntry(m.key(), m.name(), m.required(), null, null, null, null, null, null,
                    null)
                    : new MaterialEntry(m.key(), m.name(), m.required(), s.source().name(), s.fileName(),
                            s.mediaType(), s.size(), s.sha256(), s.licenceId(), s.credibilityGrade());
        }).toList();
        return new Application(c.number(), c.itemCode(), c.itemName(), c.itemVersion(), c.departmentCode(),
                views.departmentName(c.departmentCode()), c.regionCode(), enterprise ? "2" : "1", c.applicantName(),
                enterprise ? "CREDIT_CODE" : "ID_CARD", enterprise ? String.valueOf(c.creditCode()) : idNumber,
                enterprise ? c.agentName() : c.applicantName(), idNumber, c.applicantMobile(),
                c.channel().handlingForm(), c.submittedAt(), values, c.situationAnswers(), list);
    }

    private static @Nullable Acceptance acceptance(CaseRecord c, List<TrailEntry> entries) {
        String caseType = switch (c.caseType()) {
            case "IMMEDIATE" -> "1";
            case "PROMISED" -> "2";
            default -> "9";
        };
        for (TrailEntry e : entries) {
            if (e.action() == CaseAction.ACCEPT) {
                return new Acceptance(true, e.actor(), e.at(), null, caseType, c.promisedDays(), c.dueDate());
            }
            if (e.action() == CaseAction.NOT_ACCEPT) {
                return new Acceptance(false, e.actor(), e.at(), e.opinion(), caseType, c.promisedDays(), null);
            }
        }
        return null;
    }

    private List<HandlingStep> handling(CaseRecord c, List<TrailEntry> entries) {
        List<HandlingStep> steps = new ArrayList<>();
        Instant previous = c.submittedAt();
        for (TrailEntry e : entries) {
            if (!STEPS.contains(e.action())) {
                continue;
            }
            steps.add(new HandlingStep(e.action().stepAction(), e.step() == null ? e.actionLabel()
                    : CaseViews.stepName(e.step()) + (e.action().label().equals(CaseViews.stepName(e.step())) ? ""
                            : "：" + e.actionLabel()), e.actor(), e.actorName(), e.opinion(), previous, e.at(), 2,
                    null));
            previous = e.at();
        }
        for (SpecialProcedure p : procedures.all(c.id())) {
            if (PauseKind.CORRECTION.name().equals(p.kind())) {
                continue;
            }
            steps.add(new HandlingStep("OTHER", "特别程序：" + p.kindLabel(), p.startedBy(), null, p.reason(),
                    p.startedAt(), p.endedAt(), p.endedAt() == null ? 1 : 2, new Procedure(p.extension() ? 1 : 2,
                            p.kindLabel(), p.reason(), p.days(), p.startedOn(), p.endedOn(), p.result())));
        }
        if (c.currentTask() != null && !c.state().closed()) {
            steps.add(new HandlingStep("OTHER", CaseViews.stepName(c.currentTask()), c.handler(), null, null,
                    c.taskSince(), null, 1, null));
        }
        steps.sort(Comparator.comparing(s -> s.startedAt() == null ? Instant.EPOCH : s.startedAt()));
        return steps;
    }

    private static @Nullable Completion completion(CaseRecord c) {
        if (c.resultCode() == null || c.completedAt() == null) {
            return null;
        }
        ResultCode result = ResultCode.of(c.resultCode()).orElseThrow();
        return new Completion(result.code(), result.label(), c.resultReason(), c.completedAt(), c.deliveryMethod(),
                c.deliveredAt());
    }
}
