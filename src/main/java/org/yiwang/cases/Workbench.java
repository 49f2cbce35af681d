package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.cases.CaseStore.Json;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.PopulationRegistry;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffMembers;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

/**
 * The staff side (一窗受理、后台分办): queues, the case file, and every action on a case. Each action runs in one
 * transaction that checks, in this order, that the member may see the case ({@link Staff#covers}; otherwise 404, as
 * if it did not exist), the version the member saw, the case's state, the role, and the task (current step, not
 * claimed by someone else); then it changes the row only if its version is still the one read — so of two members
 * acting at once exactly one wins and the other gets {@code CASES_VERSION_CONFLICT} with nothing changed — and only
 * then completes the Flowable task, appends to the trail and notifies.
 */
@Service
public class Workbench {

    private static final Logger log = LoggerFactory.getLogger(Workbench.class);
    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    /** 行政许可法 art. 42: a decision may be extended once by at most 10 (working) days. */
    public static final int MAX_EXTENSION_DAYS = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** Which cases a queue lists. */
    public enum Queue {
        /** Open tasks the member may take: their roles, their scope, unclaimed or claimed by them. */
        TASKS,
        /** Tasks the member has claimed. */
        MINE,
        /** Overdue cases in scope (for supervisors: 超期督办). */
        OVERDUE,
        /** Every case in scope. */
        ALL
    }

    /** What the workbench page shows of a case: see {@link #file}. */
    public record CaseFile(CaseView view, Set<CaseAction> offers, List<Staff> reassignees,
            Map<String, LicenceLibrary.Verification> licenceChecks) {
    }

    /** A walk-in application registered at the window for a person (窗口登记). */
    public record WalkIn(String itemCode, String applicantName, String idNumber, @Nullable String mobile,
            @Nullable Map<String, String> formValues, @Nullable Map<String, String> situationAnswers,
            @Nullable List<String> paperMaterials) {
    }

    private final CaseLicences licences;
    private final CaseStore store;
    private final Submissions submissions;
    private final CaseViews views;
    private final CaseTrail trail;
    private final CaseMaterials materials;
    private final CaseProcedures procedures;
    private final CaseProcess process;
    private final CaseNotifications notifications;
    private final TimeLimits limits;
    private final PopulationRegistry population;
    private final PersonProfiles profiles;
    private final CaseClock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final StaffMembers members;

    Workbench(CaseStore store, Submissions submissions, CaseViews views, CaseTrail trail, CaseMaterials materials,
            CaseProcedures procedures, CaseProcess process, CaseNotifications notifications, TimeLimits limits,
            PopulationRegistry population, PersonProfiles profiles, CaseClock clock, TransactionTemplate tx,
            ApplicationEventPublisher events, StaffMembers members, CaseLicences licences) {
        this.licences = licences;
        this.store = store;
        this.submissions = submissions;
        this.views = views;
        this.trail = trail;
        this.materials = materials;
        this.procedures = procedures;
        this.process = process;
        this.notifications = notifications;
        this.limits = limits;
        this.population = population;
        this.profiles = profiles;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        this.members = members;
    }

    public CasePage<CaseSummary> queue(Staff staff, Queue queue, int page) {
        return queue(staff, queue, page, PAGE_SIZE);
    }

    /** A page of the queue, of {@code size} cases (1 to {@link #MAX_PAGE_SIZE}). */
    public CasePage<CaseSummary> queue(Staff staff, Queue queue, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BusinessException(CasesError.CASES_PAGE_SIZE_INVALID, MAX_PAGE_SIZE);
        }
        ApplicantAccess.Condition visible = StaffAccess.visible(staff);
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        String where = switch (queue) {
            case TASKS -> {
                ApplicantAccess.Condition tasks = StaffAccess.tasks(staff);
                params.putAll(tasks.params());
                params.put("me", staff.username());
                yield tasks.where() + " AND current_task IS NOT NULL AND (handler IS NULL OR handler = :me)"
                        + " AND state NOT IN ('CORRECTION_REQUESTED', 'PAUSED')";
            }
            case MINE -> {
                params.put("me", staff.username());
                yield visible.where() + " AND handler = :me AND current_task IS NOT NULL";
            }
            case OVERDUE -> visible.where() + " AND overdue_since IS NOT NULL AND state IN ('UNDER_REVIEW', "
                    + "'DECIDING', 'PAUSED', 'CORRECTION_REQUESTED', 'DECIDED')";
            case ALL -> visible.where();
        };
        int p = Math.max(page, 0);
        return inTx(() -> new CasePage<>(store.list(where, params, (long) p * size, size).stream()
                .filter(c -> StaffAccess.maySee(staff, c)).map(views::summary).toList(), p, size,
                store.count(where, params)));
    }

    public CaseView view(Staff staff, String caseNumber) {
        return inTx(() -> views.forStaff(visible(staff, caseNumber)));
    }

    public MaterialContent material(Staff staff, String caseNumber, long materialId) {
        return inTx(() -> materials.content(visible(staff, caseNumber).id(), materialId)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_CASE_NOT_FOUND)));
    }

    /**
     * The case file as the workbench page shows it, read once: the case, the other actions the member may take on it
     * ({@link #offers}), who its task may be handed to when that is offered ({@link #reassignees}), and 证照核验 of
     * the stored file of each electronic licence filling a material slot, by slot.
     */
    public CaseFile file(Staff staff, String caseNumber) {
        return inTx(() -> {
            CaseRecord c = visible(staff, caseNumber);
            CaseView view = views.forStaff(c);
            Set<CaseAction> offers = offers(staff, c);
            Map<String, LicenceLibrary.Verification> checks = new LinkedHashMap<>();
            view.materials().stream().filter(m -> m.filledBy() != null && m.filledBy().licenceId() != null)
                    .forEach(m -> licences.verify(java.util.Objects.requireNonNull(m.filledBy().licenceId()))
                            .ifPresent(v -> checks.put(m.key(), v)));
            return new CaseFile(view, offers, offers.contains(CaseAction.REASSIGN) ? reassignees(c) : List.of(),
                    checks);
        });
    }

    public List<CaseMessage> messages(Staff staff) {
        return inTx(() -> notifications.list(CaseNotifications.of(staff), false, null));
    }

    /** The member's newest unread messages (at most 100). */
    public List<CaseMessage> unreadMessages(Staff staff) {
        return inTx(() -> notifications.list(CaseNotifications.of(staff), true, null));
    }

    /** 标为已读: one of the member's messages (or of a group's they may take); another's answers as missing. */
    public CaseMessage markRead(Staff staff, long messageId) {
        return inTx(() -> notifications.markRead(CaseNotifications.of(staff), messageId, null).stream().findFirst()
                .orElseThrow(() -> new BusinessException(CasesError.CASES_MESSAGE_NOT_FOUND)));
    }

    /** 预审通过: the online application goes on to the window for acceptance. */
    public CaseView preReview(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String opinion) {
        String note = Texts.optional(opinion, "预审意见", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.PRE_REVIEW, CaseState.PRE_REVIEW);
            StaffRole role = role(staff, c, CaseAction.PRE_REVIEW, StaffRole.WINDOW_CLERK);
            requireTask(staff, c, CaseProcess.PRE_REVIEW);
            return move(c, staff, role, CaseAction.PRE_REVIEW, CaseProcess.PRE_REVIEW, CaseState.SUBMITTED, note,
                    Map.of(), Map.of());
        });
    }

    /**
     * 受理: the clock starts; the promised completion date is the acceptance date + the promised working days. An
     * immediate item (即办件, promised limit 0) is accepted and completed (result 0) in the same step.
     */
    public AcceptanceNotice accept(Staff staff, String caseNumber, @Nullable Integer version,
            @Nullable String opinion) {
        String note = Texts.optional(opinion, "受理意见", 2000);
        return inTx(() -> {
            CaseRecord c = locked(staff, caseNumber);
            Applications.expectVersion(c, version);
            Applications.requireState(c, CaseAction.ACCEPT, CaseState.SUBMITTED);
            StaffRole role = role(staff, c, CaseAction.ACCEPT, StaffRole.WINDOW_CLERK);
            requireTask(staff, c, CaseProcess.ACCEPT);
            Instant now = clock.instant();
            LocalDate today = clock.today();
            LocalDate due = limits.dueDate(today, c.promisedDays(), 0, 0);
            Map<String, @Nullable Object> accepted = new LinkedHashMap<>();
            accepted.put("accepted_at", now);
            accepted.put("accepted_on", today);
            accepted.put("accepted_by", staff.username());
            accepted.put("due_date", due);
            CaseRecord after;
            if (c.immediate()) {
                accepted.put("state", CaseState.COMPLETED);
                accepted.put("result_code", ResultCode.COMPLETED.code());
                accepted.put("completed_at", now);
                accepted.put("decision", "APPROVED");
                accepted.put("decided_at", now);
                accepted.put("updated_at", now);
                accepted.putAll(CaseFlow.taskColumns(null, now));
                after = saved(c, accepted);
                process.finish(java.util.Objects.requireNonNull(c.processInstanceId()));
                Actor actor = Actor.staff(staff, role);
                trail.append(c.id(), now, CaseAction.ACCEPT, CaseProcess.ACCEPT, actor, note, c.state(),
                        CaseState.COMPLETED, Map.of("promisedCompletionDate", due.toString(), "immediate", true));
                trail.append(c.id(), now, CaseAction.COMPLETE, CaseProcess.COMPLETE, actor, "即办件，当场办结",
                        CaseState.COMPLETED, CaseState.COMPLETED, Map.of("resultCode", 0));
                completed(after, "您的办件 " + after.caseNumber() + "（"
                        + after.itemName() + "）已受理并当场办结。");
            } else {
                after = move(c, staff, role, CaseAction.ACCEPT, CaseProcess.ACCEPT, CaseState.UNDER_REVIEW, note,
                        accepted, Map.of("promisedCompletionDate", due.toString()));
                notifications.applicant(after, "ACCEPTED", "您的办件 " + after.caseNumber() + "（"
                        + after.itemName() + "）已受理，承诺办结日期 " + due + "，查询码 " + after.queryCode() + "。",
                        true);
            }
            return new AcceptanceNotice(after.number(), String.valueOf(after.queryCode()), after.itemName(),
                    after.applicantName(), views.departmentName(after.departmentCode()), now, staff.displayName(),
                    after.promisedDays(), due, c.immediate(), views.actedForStaff(after));
        });
    }

    /** 不予受理 (result 6), with the reason the applicant is told. */
    public CaseView reject(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String reason) {
        String why = Texts.required(reason, "不予受理理由", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.NOT_ACCEPT, CaseState.PRE_REVIEW, CaseState.SUBMITTED);
            StaffRole role = role(staff, c, CaseAction.NOT_ACCEPT, StaffRole.WINDOW_CLERK);
            requireTask(staff, c, java.util.Objects.requireNonNull(c.currentTask()));
            CaseRecord after = close(c, staff, role, CaseAction.NOT_ACCEPT, CaseState.NOT_ACCEPTED,
                    ResultCode.NOT_ACCEPTED, why);
            notifications.applicant(after, "NOT_ACCEPTED", "您的办件 " + after.caseNumber() + " 不予受理：" + why,
                    true);
            return after;
        });
    }

    /**
     * 补正告知 (行政许可法 art. 32): everything to correct, listed at once. Before acceptance the window asks; during
     * review the reviewer asks and the clock stops until the applicant supplements.
     */
    public CaseView requestCorrection(Staff staff, String caseNumber, @Nullable Integer version,
            @Nullable List<CorrectionItem> items, @Nullable String opinion) {
        String note = Texts.optional(opinion, "补正说明", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.REQUEST_CORRECTION, CaseState.PRE_REVIEW, CaseState.SUBMITTED,
                    CaseState.UNDER_REVIEW);
            StaffRole role = c.state() == CaseState.UNDER_REVIEW
                    ? role(staff, c, CaseAction.REQUEST_CORRECTION, StaffRole.REVIEWER)
                    : role(staff, c, CaseAction.REQUEST_CORRECTION, StaffRole.WINDOW_CLERK);
            requireTask(staff, c, java.util.Objects.requireNonNull(c.currentTask()));
            List<CorrectionItem> list = correctionItems(c, items);
            Instant now = clock.instant();
            LocalDate today = clock.today();
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            changes.put("state", CaseState.CORRECTION_REQUESTED);
            changes.put("resume_state", c.state());
            changes.put("correction_items", new Json(list));
            changes.put("updated_at", now);
            if (c.acceptedOn() != null) {
                changes.put("clock_stopped_since", today);
                procedures.stop(c.id(), PauseKind.CORRECTION, note == null ? "补正" : note, today, now,
                        staff.username());
            }
            CaseRecord after = saved(c, changes);
            trail.append(c.id(), now, CaseAction.REQUEST_CORRECTION, c.currentTask(), Actor.staff(staff, role),
                    note, c.state(), CaseState.CORRECTION_REQUESTED, Map.of("items", list));
            notifications.applicant(after, "CORRECTION", "您的办件 " + after.caseNumber() + " 需要补正 "
                    + list.size() + " 项内容，请登录一网通办查看并在线补正。", true);
            return after;
        });
    }

    /** 审查: the reviewer's opinion; the case goes to the approver. */
    public CaseView review(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String opinion) {
        String note = Texts.required(opinion, "审查意见", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.REVIEW, CaseState.UNDER_REVIEW);
            StaffRole role = role(staff, c, CaseAction.REVIEW, StaffRole.REVIEWER);
            requireTask(staff, c, CaseProcess.REVIEW);
            return move(c, staff, role, CaseAction.REVIEW, CaseProcess.REVIEW, CaseState.DECIDING, note, Map.of(),
                    Map.of());
        });
    }

    /** 决定: approve (准予) or refuse (不予许可, with the reason); the case goes to completion. */
    public CaseView decide(Staff staff, String caseNumber, @Nullable Integer version, boolean approve,
            @Nullable String reason) {
        String note = approve ? Texts.optional(reason, "决定意见", 2000) : Texts.required(reason, "不予许可理由", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.DECIDE, CaseState.DECIDING);
            StaffRole role = role(staff, c, CaseAction.DECIDE, StaffRole.APPROVER);
            requireTask(staff, c, CaseProcess.DECIDE);
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            changes.put("decision", approve ? "APPROVED" : "REFUSED");
            changes.put("decision_reason", note);
            changes.put("decided_at", clock.instant());
            CaseRecord after = move(c, staff, role, CaseAction.DECIDE, CaseProcess.DECIDE, CaseState.DECIDED, note,
                    changes, Map.of("decision", approve ? "APPROVED" : "REFUSED"));
            notifications.applicant(after, "DECIDED", "您的办件 " + after.caseNumber() + " 已作出"
                    + (approve ? "准予" : "不予许可") + "决定，待办结。", false);
            return after;
        });
    }

    /**
     * 申请延期: the reviewer asks the department's approvers for an extension (days and reason, in the trail); the
     * approver decides with {@link #extend}.
     */
    public CaseView requestExtension(Staff staff, String caseNumber, @Nullable Integer version, int days,
            @Nullable String reason) {
        String why = Texts.required(reason, "延期理由", 2000);
        return act(staff, caseNumber, version, c -> {
            StaffRole role = allowed(staff, c, CaseAction.REQUEST_EXTENSION);
            if (days < 1 || c.extensionDays() + days > MAX_EXTENSION_DAYS) {
                throw new BusinessException(CasesError.CASES_EXTENSION_LIMIT, MAX_EXTENSION_DAYS, c.extensionDays());
            }
            Instant now = clock.instant();
            CaseRecord after = saved(c, Map.of("updated_at", now));
            trail.append(c.id(), now, CaseAction.REQUEST_EXTENSION, c.currentTask(), Actor.staff(staff, role), why,
                    c.state(), c.state(), Map.of("days", days));
            notifications.group(after, StaffRole.APPROVER, "EXTENSION_REQUESTED", "办件 " + after.caseNumber()
                    + " 的审查人员申请延期 " + days + " 个工作日，请审批。");
            return after;
        });
    }

    /** 延期 (特别程序 1), approved by the approver: working days added, in all at most {@value #MAX_EXTENSION_DAYS}. */
    public CaseView extend(Staff staff, String caseNumber, @Nullable Integer version, int days,
            @Nullable String reason) {
        String why = Texts.required(reason, "延期理由", 2000);
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new BusinessException(CasesError.CASES_EXTENSION_DAYS_INVALID, MAX_EXTENSION_DAYS);
        }
        return act(staff, caseNumber, version, c -> {
            StaffRole role = allowed(staff, c, CaseAction.EXTEND);
            if (c.extensionDays() + days > MAX_EXTENSION_DAYS) {
                throw new BusinessException(CasesError.CASES_EXTENSION_LIMIT, MAX_EXTENSION_DAYS, c.extensionDays());
            }
            Instant now = clock.instant();
            LocalDate today = clock.today();
            int total = c.extensionDays() + days;
            LocalDate due = limits.dueDate(c, total, c.stoppedDays());
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            changes.put("extension_days", total);
            changes.put("due_date", due);
            if (!due.isBefore(today)) {
                changes.put("overdue_since", null);
            }
            changes.put("updated_at", now);
            CaseRecord after = saved(c, changes);
            procedures.extension(c.id(), days, why, today, now, staff.username());
            trail.append(c.id(), now, CaseAction.EXTEND, c.currentTask(), Actor.staff(staff, role), why, c.state(),
                    c.state(), Map.of("days", days, "promisedCompletionDate", due.toString()));
            notifications.applicant(after, "EXTENDED", "您的办件 " + after.caseNumber() + " 经批准延长 " + days
                    + " 个工作日，承诺办结日期改为 " + due + "。", false);
            return after;
        });
    }

    /** 特别程序 (听证、检验检测、专家评审 …, art. 45): the clock stops until {@link #resume}. */
    public CaseView pause(Staff staff, String caseNumber, @Nullable Integer version, @Nullable PauseKind kind,
            @Nullable String reason) {
        if (kind == null || kind == PauseKind.CORRECTION) {
            throw new BusinessException(CasesError.CASES_PAUSE_KIND_INVALID);
        }
        String why = Texts.required(reason, "特别程序理由", 2000);
        return act(staff, caseNumber, version, c -> {
            StaffRole role = allowed(staff, c, CaseAction.PAUSE);
            Instant now = clock.instant();
            LocalDate today = clock.today();
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            changes.put("state", CaseState.PAUSED);
            changes.put("resume_state", c.state());
            changes.put("clock_stopped_since", today);
            changes.put("updated_at", now);
            CaseRecord after = saved(c, changes);
            procedures.stop(c.id(), kind, why, today, now, staff.username());
            trail.append(c.id(), now, CaseAction.PAUSE, c.currentTask(), Actor.staff(staff, role), why, c.state(),
                    CaseState.PAUSED, Map.of("kind", kind.name()));
            notifications.applicant(after, "PAUSED", "您的办件 " + after.caseNumber() + " 进入" + kind.label()
                    + "程序，所需时间不计入办理时限。", false);
            return after;
        });
    }

    /** Ends the special procedure: the clock runs again, the promised date moves by the stopped working days. */
    public CaseView resume(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String result) {
        String outcome = Texts.required(result, "特别程序结果", 2000);
        return act(staff, caseNumber, version, c -> {
            StaffRole role = allowed(staff, c, CaseAction.RESUME);
            Instant now = clock.instant();
            CaseState back = c.resumeState() == null ? CaseState.UNDER_REVIEW : c.resumeState();
            Map<String, @Nullable Object> changes = new LinkedHashMap<>(limits.resume(c, clock.today(), now,
                    outcome));
            changes.put("state", back);
            changes.put("resume_state", null);
            changes.put("updated_at", now);
            CaseRecord after = saved(c, changes);
            trail.append(c.id(), now, CaseAction.RESUME, c.currentTask(), Actor.staff(staff, role), outcome,
                    c.state(), back, Map.of("promisedCompletionDate", String.valueOf(after.dueDate()),
                            "stoppedDays", after.stoppedDays()));
            return after;
        });
    }

    /**
     * 办结 with the result code: after a decision, 0 (approved) or 1 (refused) as decided; a correction never
     * completed closes with 5 and a reason.
     */
    public CaseView complete(Staff staff, String caseNumber, @Nullable Integer version, @Nullable Integer resultCode,
            @Nullable String reason) {
        String note = Texts.optional(reason, "办结说明", 2000);
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.COMPLETE, CaseState.DECIDED, CaseState.CORRECTION_REQUESTED);
            CaseRecord after;
            if (c.state() == CaseState.CORRECTION_REQUESTED) {
                if (resultCode == null || resultCode != ResultCode.WITHDRAWN.code()) {
                    throw new BusinessException(CasesError.CASES_RESULT_CODE_INVALID, String.valueOf(resultCode));
                }
                if (note == null) {
                    throw new BusinessException(CasesError.CASES_REASON_REQUIRED);
                }
                StaffRole role = role(staff, c, CaseAction.COMPLETE, StaffRole.WINDOW_CLERK, StaffRole.REVIEWER);
                after = close(c, staff, role, CaseAction.COMPLETE, CaseState.COMPLETED, ResultCode.WITHDRAWN, note);
            } else {
                ResultCode result = "APPROVED".equals(c.decision()) ? ResultCode.COMPLETED : ResultCode.REFUSED;
                if (resultCode != null && resultCode != result.code()) {
                    throw new BusinessException(CasesError.CASES_RESULT_CODE_INVALID, String.valueOf(resultCode));
                }
                StaffRole role = role(staff, c, CaseAction.COMPLETE, StaffRole.WINDOW_CLERK);
                requireTask(staff, c, CaseProcess.COMPLETE);
                Map<String, @Nullable Object> changes = new LinkedHashMap<>();
                changes.put("result_code", result.code());
                changes.put("result_reason", result == ResultCode.REFUSED ? c.decisionReason() : null);
                changes.put("completed_at", clock.instant());
                after = move(c, staff, role, CaseAction.COMPLETE, CaseProcess.COMPLETE, CaseState.COMPLETED, note,
                        changes, Map.of("resultCode", result.code()));
            }
            ResultCode result = ResultCode.of(java.util.Objects.requireNonNull(after.resultCode())).orElseThrow();
            completed(after, "您的办件 " + after.caseNumber() + "（" + after.itemName()
                    + "）已办结，结果：" + result.label() + "。");
            return after;
        });
    }

    /** 送达: how the result reached the applicant. */
    public CaseView deliver(Staff staff, String caseNumber, @Nullable Integer version, @Nullable DeliveryMethod method,
            @Nullable String note) {
        String text = Texts.optional(note, "送达说明", 500);
        if (method == null || method == DeliveryMethod.POST && text == null) {
            throw new BusinessException(CasesError.CASES_DELIVERY_INVALID);
        }
        return act(staff, caseNumber, version, c -> {
            Applications.requireState(c, CaseAction.DELIVER, CaseState.COMPLETED);
            if (c.resultCode() == null || c.resultCode() > ResultCode.REFUSED.code()) {
                throw new BusinessException(CasesError.CASES_STATE_CONFLICT, c.state().label(),
                        CaseAction.DELIVER.label());
            }
            StaffRole role = role(staff, c, CaseAction.DELIVER, StaffRole.WINDOW_CLERK);
            Instant now = clock.instant();
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            changes.put("state", CaseState.DELIVERED);
            changes.put("delivery_method", method);
            changes.put("delivery_note", text);
            changes.put("delivered_at", now);
            changes.put("updated_at", now);
            CaseRecord after = saved(c, changes);
            trail.append(c.id(), now, CaseAction.DELIVER, null, Actor.staff(staff, role), text, c.state(),
                    CaseState.DELIVERED, Map.of("method", method.name()));
            notifications.applicant(after, "DELIVERED", "您的办件 " + after.caseNumber() + " 的结果已"
                    + method.label() + "。", false);
            return after;
        });
    }

    /** 认领: the member takes the current task; nobody else can act on it until released. */
    public CaseView claim(Staff staff, String caseNumber, @Nullable Integer version) {
        return act(staff, caseNumber, version, c -> {
            StaffRole role = taskRole(staff, c, CaseAction.CLAIM);
            if (staff.username().equals(c.handler())) {
                return c;
            }
            if (c.handler() != null) {
                throw new BusinessException(CasesError.CASES_TASK_CLAIMED, c.handler());
            }
            return assign(c, staff, role, CaseAction.CLAIM, staff.username(), null);
        });
    }

    /** 释放: the claimed task goes back to the queue. */
    public CaseView release(Staff staff, String caseNumber, @Nullable Integer version) {
        return act(staff, caseNumber, version, c -> {
            StaffRole role = taskRole(staff, c, CaseAction.RELEASE);
            if (!staff.username().equals(c.handler())) {
                throw new BusinessException(CasesError.CASES_TASK_NOT_CLAIMED);
            }
            return assign(c, staff, role, CaseAction.RELEASE, null, null);
        });
    }

    /** 转交: the handler, or a department administrator of the case's department, hands the task to someone else. */
    public CaseView reassign(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String username,
            @Nullable String reason) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw new BusinessException(CasesError.CASES_REASSIGN_INVALID);
        }
        String note = Texts.optional(reason, "转交说明", 500);
        return act(staff, caseNumber, version, c -> {
            if (c.currentTask() == null || c.currentRole() == null || c.state().closed()) {
                throw new BusinessException(CasesError.CASES_STATE_CONFLICT, c.state().label(),
                        CaseAction.REASSIGN.label());
            }
            StaffRole role;
            if (StaffAccess.mayActAs(staff, StaffRole.DEPARTMENT_ADMIN, c)) {
                role = StaffRole.DEPARTMENT_ADMIN;
            } else if (staff.username().equals(c.handler())) {
                role = taskRole(staff, c, CaseAction.REASSIGN);
            } else {
                throw new BusinessException(CasesError.CASES_TASK_NOT_CLAIMED);
            }
            StaffRole taskRole = StaffRole.valueOf(java.util.Objects.requireNonNull(c.currentRole()));
            String target = username.strip();
            if (target.equals(c.handler()) || members.active(target)
                    .filter(t -> StaffAccess.mayActAs(t, taskRole, c)).isEmpty()) {
                throw new BusinessException(CasesError.CASES_REASSIGN_TARGET_INVALID, target, taskRole.label());
            }
            return assign(c, staff, role, CaseAction.REASSIGN, target, note);
        });
    }

    /**
     * 作废 (result 2): a case registered in error (e.g. a walk-in with wrong data) ends before a decision, by the
     * window or a department administrator, with the reason.
     */
    public CaseView annul(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String reason) {
        String why = Texts.required(reason, "作废原因", 2000);
        return act(staff, caseNumber, version, c -> {
            CaseRecord after = close(c, staff, allowed(staff, c, CaseAction.VOID), CaseAction.VOID,
                    CaseState.VOIDED, ResultCode.VOIDED, why);
            notifications.applicant(after, "VOIDED", "您的办件 " + after.caseNumber() + " 已作废：" + why, false);
            return after;
        });
    }

    /**
     * 删除 (result 3): a case never accepted (e.g. a duplicate) is taken off the work, by a department or platform
     * administrator. Nothing is physically deleted: the case stays with its trail and data sets.
     */
    public CaseView delete(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String reason) {
        String why = Texts.required(reason, "删除原因", 2000);
        return act(staff, caseNumber, version, c -> {
            CaseRecord after = close(c, staff, allowed(staff, c, CaseAction.DELETE), CaseAction.DELETE,
                    CaseState.DELETED, ResultCode.DELETED, why);
            notifications.applicant(after, "DELETED", "您的办件 " + after.caseNumber() + " 已删除：" + why, false);
            return after;
        });
    }

    /**
     * 转报办结 (result 4): an accepted case goes to a higher-level authority, which decides it; here it is completed
     * with the reason (where it went and why).
     */
    public CaseView forward(Staff staff, String caseNumber, @Nullable Integer version, @Nullable String reason) {
        String why = Texts.required(reason, "转报说明", 2000);
        return act(staff, caseNumber, version, c -> {
            CaseRecord after = close(c, staff, allowed(staff, c, CaseAction.FORWARD), CaseAction.FORWARD,
                    CaseState.COMPLETED, ResultCode.FORWARDED, why);
            completed(after, "您的办件 " + after.caseNumber() + "（" + after.itemName()
                    + "）已转报上级机关办理：" + why);
            return after;
        });
    }

    /**
     * The actions besides the current step's own that the member may take on the case now (延期, 特别程序, 转交, 作废,
     * 删除, 转报办结), for the pages to offer only what would be allowed.
     */
    public Set<CaseAction> offers(Staff staff, String caseNumber) {
        return inTx(() -> offers(staff, visible(staff, caseNumber)));
    }

    private static Set<CaseAction> offers(Staff staff, CaseRecord c) {
        Set<CaseAction> out = java.util.EnumSet.noneOf(CaseAction.class);
        RULES.forEach((action, rule) -> {
            if (rule.states().contains(c.state()) && rule.also().test(c) && rule.roles().stream()
                    .anyMatch(r -> StaffAccess.mayActAs(staff, r, c))) {
                out.add(action);
            }
        });
        if (c.extensionDays() >= MAX_EXTENSION_DAYS) {
            out.remove(CaseAction.EXTEND);
        }
        if (out.contains(CaseAction.EXTEND)) {
            out.remove(CaseAction.REQUEST_EXTENSION);
        }
        if (c.currentTask() != null && c.currentRole() != null && !c.state().closed()
                && (StaffAccess.mayActAs(staff, StaffRole.DEPARTMENT_ADMIN, c)
                || staff.username().equals(c.handler()))) {
            out.add(CaseAction.REASSIGN);
        }
        return out;
    }

    /** Who the case's current task may be handed to (转交): active members of the task's role covering the case. */
    public List<Staff> reassignees(Staff staff, String caseNumber) {
        return inTx(() -> reassignees(visible(staff, caseNumber)));
    }

    private List<Staff> reassignees(CaseRecord c) {
        if (c.currentRole() == null || c.state().closed()) {
            return List.of();
        }
        StaffRole role = StaffRole.valueOf(c.currentRole());
        return members.covering(role, c.department(), c.region()).stream()
                .filter(t -> !t.username().equals(c.handler()) && StaffAccess.mayActAs(t, role, c)).toList();
    }

    /**
     * 窗口登记: a clerk registers a walk-in application for a person, identified by ID number and name checked against
     * the population base; the case is the same as an online one (channel WINDOW) and waits for acceptance. Materials
     * handed over on paper are listed in {@code paperMaterials}. The same {@code Idempotency-Key} of the same clerk
     * gives the same case.
     */
    public CaseView registerWalkIn(Staff staff, WalkIn walkIn, @Nullable String idempotencyKey) {
        String key = Submissions.idempotencyKey(idempotencyKey);
        String submitter = "staff:" + staff.username();
        if (key != null) {
            CaseRecord earlier = inTx(() -> store.findByIdempotencyKey(submitter, key).orElse(null));
            if (earlier != null) {
                return inTx(() -> views.forStaff(earlier));
            }
        }
        ApplicantData applicant = walkInApplicant(walkIn);
        try {
            return inTx(() -> {
                Submissions.Item item = submissions.item(walkIn.itemCode());
                if (!staff.has(StaffRole.WINDOW_CLERK)) {
                    throw new BusinessException(CasesError.CASES_ROLE_REQUIRED, StaffRole.WINDOW_CLERK.label(),
                            CaseAction.REGISTER.label());
                }
                if (!staff.covers(item.department().creditCode(), item.department().regionCode())) {
                    throw new BusinessException(CasesError.CASES_ITEM_NOT_AVAILABLE, walkIn.itemCode());
                }
                Set<String> paper = new HashSet<>(walkIn.paperMaterials() == null ? List.of()
                        : walkIn.paperMaterials());
                return views.forStaff(submissions.submitNew(item, applicant, submitter, Channel.WINDOW,
                        walkIn.formValues(), walkIn.situationAnswers(), key, Actor.staff(staff, StaffRole.WINDOW_CLERK),
                        CaseAction.REGISTER, false, paper, applicant.licenceHolder()));
            });
        } catch (DuplicateKeyException e) {
            return inTx(() -> views.forStaff(store.findByIdempotencyKey(submitter, key == null ? "" : key)
                    .orElseThrow(() -> e)));
        }
    }

    private ApplicantData walkInApplicant(WalkIn walkIn) {
        String name = walkIn.applicantName() == null ? "" : walkIn.applicantName().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new BusinessException(CasesError.CASES_NAME_INVALID);
        }
        String number = walkIn.idNumber() == null ? "" : walkIn.idNumber().strip().toUpperCase();
        if (!IdNumber.isValid(number)) {
            throw new BusinessException(CasesError.CASES_ID_NUMBER_INVALID);
        }
        String mobile = walkIn.mobile() == null || walkIn.mobile().isBlank() ? null : walkIn.mobile().strip();
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            throw new BusinessException(CasesError.CASES_MOBILE_INVALID);
        }
        IdNumber idNumber = IdNumber.of(number);
        if (!population.confirms(idNumber, name)) {
            throw new BusinessException(CasesError.CASES_APPLICANT_NOT_IN_POPULATION);
        }
        var account = profiles.findByIdNumber(idNumber).map(p -> p.accountId()).orElse(null);
        return new ApplicantData(ApplicantKind.PERSON, account, name, idNumber, mobile, null, null, null);
    }

    // --- the machinery every action shares ---

    private CaseView act(Staff staff, String caseNumber, @Nullable Integer version,
            Function<CaseRecord, CaseRecord> action) {
        return inTx(() -> {
            CaseRecord c = locked(staff, caseNumber);
            Applications.expectVersion(c, version);
            return views.actedForStaff(action.apply(c));
        });
    }

    /** The case if the member may see it; otherwise a logged 404, the same as for a case that does not exist. */
    CaseRecord visible(Staff staff, String caseNumber) {
        return visible(staff, caseNumber, store.findByNumber(caseNumber));
    }

    /**
     * As {@link #visible}, the row locked until the transaction ends: a member acting on the case waits for another
     * member's action on it to finish and then sees its outcome.
     */
    private CaseRecord locked(Staff staff, String caseNumber) {
        return visible(staff, caseNumber, store.lockByNumber(caseNumber));
    }

    private static CaseRecord visible(Staff staff, String caseNumber, Optional<CaseRecord> found) {
        return found.filter(c -> StaffAccess.maySee(staff, c)).orElseThrow(() -> {
            log.warn("Case {} asked for by staff {}, outside their scope (or it does not exist)",
                    Texts.loggable(caseNumber), staff.username());
            return new BusinessException(CasesError.CASES_CASE_NOT_FOUND);
        });
    }

    /** The states and roles of the actions that are not a step of the process. */
    private record Rule(Set<CaseState> states, List<StaffRole> roles, java.util.function.Predicate<CaseRecord> also) {
    }

    private static final Map<CaseAction, Rule> RULES = Map.of(
            CaseAction.EXTEND, new Rule(java.util.EnumSet.of(CaseState.UNDER_REVIEW, CaseState.DECIDING,
                    CaseState.PAUSED), List.of(StaffRole.APPROVER), c -> true),
            CaseAction.REQUEST_EXTENSION, new Rule(java.util.EnumSet.of(CaseState.UNDER_REVIEW, CaseState.DECIDING,
                    CaseState.PAUSED), List.of(StaffRole.REVIEWER), c -> c.extensionDays() < MAX_EXTENSION_DAYS),
            CaseAction.PAUSE, new Rule(java.util.EnumSet.of(CaseState.UNDER_REVIEW, CaseState.DECIDING),
                    List.of(StaffRole.REVIEWER, StaffRole.APPROVER), c -> true),
            CaseAction.RESUME, new Rule(java.util.EnumSet.of(CaseState.PAUSED),
                    List.of(StaffRole.REVIEWER, StaffRole.APPROVER), c -> true),
            CaseAction.VOID, new Rule(CaseState.WITHDRAWABLE,
                    List.of(StaffRole.WINDOW_CLERK, StaffRole.DEPARTMENT_ADMIN), c -> true),
            CaseAction.DELETE, new Rule(CaseState.NOT_YET_ACCEPTED,
                    List.of(StaffRole.DEPARTMENT_ADMIN, StaffRole.PLATFORM_ADMIN), c -> c.acceptedOn() == null),
            CaseAction.FORWARD, new Rule(CaseState.FORWARDABLE,
                    List.of(StaffRole.APPROVER, StaffRole.DEPARTMENT_ADMIN), c -> c.acceptedOn() != null));

    /** The role in which the member may take this action on the case now; refused by state, then by role. */
    private static StaffRole allowed(Staff staff, CaseRecord c, CaseAction action) {
        Rule rule = java.util.Objects.requireNonNull(RULES.get(action));
        if (!rule.states().contains(c.state()) || !rule.also().test(c)) {
            throw new BusinessException(CasesError.CASES_STATE_CONFLICT, c.state().label(), action.label());
        }
        return role(staff, c, action, rule.roles().toArray(StaffRole[]::new));
    }

    /** The first of {@code roles} the member may act in on this case; refused if none. */
    private static StaffRole role(Staff staff, CaseRecord c, CaseAction action, StaffRole... roles) {
        for (StaffRole role : roles) {
            if (StaffAccess.mayActAs(staff, role, c)) {
                return role;
            }
        }
        throw new BusinessException(CasesError.CASES_ROLE_REQUIRED, roles[0].label(), action.label());
    }

    /** The role of the case's current task, which the member must be able to act in. */
    private static StaffRole taskRole(Staff staff, CaseRecord c, CaseAction action) {
        if (c.currentTask() == null || c.currentRole() == null || c.state().closed()) {
            throw new BusinessException(CasesError.CASES_STATE_CONFLICT, c.state().label(), action.label());
        }
        return role(staff, c, action, StaffRole.valueOf(c.currentRole()));
    }

    private static void requireTask(Staff staff, CaseRecord c, String key) {
        if (!key.equals(c.currentTask())) {
            throw new BusinessException(CasesError.CASES_TASK_NOT_ACTIVE, CaseViews.stepName(key));
        }
        if (c.handler() != null && !c.handler().equals(staff.username())) {
            throw new BusinessException(CasesError.CASES_TASK_CLAIMED, c.handler());
        }
    }

    /**
     * Completes the task of a case locked by {@link #locked}, then changes the row (version-checked) and records the
     * next task in one update, and appends to the trail.
     */
    private CaseRecord move(CaseRecord c, Staff staff, StaffRole role, CaseAction action, String task, CaseState to,
            @Nullable String opinion, Map<String, @Nullable Object> extra, Map<String, ?> details) {
        Instant now = clock.instant();
        var next = process.complete(java.util.Objects.requireNonNull(c.processInstanceId()), c.currentTaskId(),
                CaseViews.stepName(task));
        Map<String, @Nullable Object> changes = new LinkedHashMap<>(extra);
        changes.put("state", to);
        changes.put("updated_at", now);
        changes.putAll(CaseFlow.taskColumns(next, now));
        CaseRecord after = saved(c, changes);
        trail.append(c.id(), now, action, task, Actor.staff(staff, role), opinion, c.state(), to, details);
        return after;
    }

    /** Closes the case before its process ends (不予受理, 退件): the process instance is ended. */
    private CaseRecord close(CaseRecord c, Staff staff, StaffRole role, CaseAction action, CaseState to,
            ResultCode result, String reason) {
        Instant now = clock.instant();
        Map<String, @Nullable Object> changes = new LinkedHashMap<>(limits.resume(c, clock.today(), now, reason));
        changes.put("state", to);
        changes.put("resume_state", null);
        changes.put("result_code", result.code());
        changes.put("result_reason", reason);
        changes.put("completed_at", now);
        changes.put("updated_at", now);
        changes.putAll(CaseFlow.taskColumns(null, now));
        CaseRecord after = saved(c, changes);
        if (c.processInstanceId() != null) {
            process.terminate(c.processInstanceId(), result.label());
        }
        trail.append(c.id(), now, action, c.currentTask(), Actor.staff(staff, role), reason, c.state(), to,
                Map.of("resultCode", result.code()));
        return after;
    }

    private CaseRecord assign(CaseRecord c, Staff staff, StaffRole role, CaseAction action,
            @Nullable String handler, @Nullable String note) {
        Instant now = clock.instant();
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        changes.put("handler", handler);
        changes.put("updated_at", now);
        CaseRecord after = saved(c, changes);
        process.assign(java.util.Objects.requireNonNull(c.currentTaskId()), handler);
        Map<String, Object> details = new LinkedHashMap<>();
        if (handler != null) {
            details.put("handler", handler);
        }
        trail.append(c.id(), now, action, c.currentTask(), Actor.staff(staff, role), note, c.state(), c.state(),
                details);
        return after;
    }

    private List<CorrectionItem> correctionItems(CaseRecord c, @Nullable List<CorrectionItem> items) {
        if (items == null || items.isEmpty()) {
            throw new BusinessException(CasesError.CASES_CORRECTION_ITEMS_REQUIRED);
        }
        if (items.size() > 50) {
            throw new BusinessException(CasesError.CASES_FORM_TOO_LARGE);
        }
        Set<String> slots = new HashSet<>();
        c.materialsRequired().forEach(m -> slots.add(m.key()));
        List<CorrectionItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CorrectionItem item = items.get(i);
            String description = item == null ? null : Texts.optional(item.description(), "补正内容", 500);
            if (item == null || description == null || item.material() != null && !slots.contains(item.material())
                    || item.field() != null && item.field().length() > 64) {
                throw new BusinessException(CasesError.CASES_CORRECTION_ITEM_INVALID, i + 1);
            }
            out.add(new CorrectionItem(item.material(), item.field(), description));
        }
        return out;
    }

    /** Tells the modules acting on completed cases (in this transaction) and the applicant. */
    private void completed(CaseRecord after, String text) {
        events.publishEvent(CaseCompleted.of(after));
        notifications.applicant(after, "COMPLETED", text, true);
    }

    /** Changes the row if it still has the version read; answers the changed row. */
    private CaseRecord saved(CaseRecord c, Map<String, @Nullable Object> changes) {
        return store.updated(c.id(), c.version(), changes)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_VERSION_CONFLICT));
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
