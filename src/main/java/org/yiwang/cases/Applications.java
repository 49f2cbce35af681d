package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cases.CaseStore.Json;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.Material;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.PersonProfile;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.shared.BusinessException;

/**
 * The applicant's side of case handling (申报): drafts with their materials, submission, the applicant's own cases,
 * supplementing a correction request (补正) and withdrawal (撤回). Every method takes the {@link Applicant} explicitly
 * (from {@code CurrentApplicant} in the web layer) and sees only what {@link ApplicantAccess} allows: anything else
 * answers as if it did not exist, and is logged.
 */
@Service
public class Applications {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);
    private static final int PAGE_SIZE = 20;

    /** A draft's content; {@code null} maps keep what the draft has. */
    public record DraftInput(String itemCode, @Nullable Map<String, String> formValues,
            @Nullable Map<String, String> situationAnswers) {
    }

    /**
     * What {@code POST /api/v1/applications} submits: a draft (possibly with last changes), or an application in one
     * go ({@code itemCode}, values and answers) for items that need no uploads.
     */
    public record Submission(@Nullable Long draftId, @Nullable String itemCode,
            @Nullable Map<String, String> formValues, @Nullable Map<String, String> situationAnswers) {
    }

    private final Submissions submissions;
    private final CaseStore store;
    private final CaseMaterials materials;
    private final CaseViews views;
    private final CaseTrail trail;
    private final CaseProcess process;
    private final CaseNotifications notifications;
    private final TimeLimits limits;
    private final PersonProfiles profiles;
    private final CaseClock clock;
    private final TransactionTemplate tx;
    private final CaseLicences licences;

    Applications(Submissions submissions, CaseStore store, CaseMaterials materials, CaseViews views, CaseTrail trail,
            CaseProcess process, CaseNotifications notifications, TimeLimits limits,
            PersonProfiles profiles, CaseClock clock, TransactionTemplate tx, CaseLicences licences) {
        this.licences = licences;
        this.submissions = submissions;
        this.store = store;
        this.materials = materials;
        this.views = views;
        this.trail = trail;
        this.process = process;
        this.notifications = notifications;
        this.limits = limits;
        this.profiles = profiles;
        this.clock = clock;
        this.tx = tx;
    }

    public DraftView createDraft(Applicant applicant, DraftInput input) {
        return inTx(() -> {
            Submissions.Item item = submissions.item(input.itemCode());
            requireLevel(applicant, item.content());
            return draftView(applicant, submissions.createDraft(item, data(applicant),
                    ApplicantAccess.submitterKey(applicant), Channel.ONLINE, input.formValues(),
                    input.situationAnswers()));
        });
    }

    public DraftView updateDraft(Applicant applicant, long draftId, DraftInput input) {
        return inTx(() -> {
            CaseRecord draft = ownDraft(applicant, draftId, true);
            return draftView(applicant, submissions.updateDraft(draft, submissions.item(draft.itemCode()),
                    data(applicant), input.formValues(), input.situationAnswers()));
        });
    }

    public void deleteDraft(Applicant applicant, long draftId) {
        inTx(() -> {
            ownDraft(applicant, draftId, true);
            store.deleteDraft(draftId);
            return null;
        });
    }

    public DraftView draft(Applicant applicant, long draftId) {
        return inTx(() -> draftView(applicant, ownDraft(applicant, draftId, false)));
    }

    public List<DraftView> drafts(Applicant applicant) {
        return inTx(() -> store.drafts(ApplicantAccess.submitterKey(applicant)).stream()
                .filter(d -> ApplicantAccess.ownsDraft(applicant, d)).map(d -> draftView(applicant, d)).toList());
    }

    /** The applicant's latest draft of the item, if any. */
    public Optional<DraftView> draft(Applicant applicant, String itemCode) {
        return inTx(() -> store.drafts(ApplicantAccess.submitterKey(applicant)).stream()
                .filter(d -> d.itemCode().equals(itemCode) && ApplicantAccess.ownsDraft(applicant, d)).findFirst()
                .map(d -> draftView(applicant, d)));
    }

    /** Fills a material slot of the draft with an upload (replacing what filled it). */
    public StoredMaterial uploadToDraft(Applicant applicant, long draftId, String slot, @Nullable String fileName,
            byte[] bytes) {
        materials.check(bytes);
        return inTx(() -> {
            CaseRecord draft = ownDraft(applicant, draftId, true);
            material(draft, slot);
            touchDraft(draft);
            return materials.upload(draftId, slot, fileName, bytes, actorId(applicant), clock.instant());
        });
    }

    /**
     * Fills a material slot of the draft with one of the applicant's valid electronic licences of the slot's type
     * (使用电子证照（免提交）, credibility grade A), replacing what filled it. Acting for an enterprise, the enterprise's
     * licences, if the applicant may use them ({@code ActingFor.mayUseLicences()}).
     */
    public StoredMaterial useLicenceInDraft(Applicant applicant, long draftId, String slot, String licenceId) {
        return inTx(() -> {
            CaseRecord draft = ownDraft(applicant, draftId, true);
            LicenceLibrary.Licence licence = licences.usable(material(draft, slot), licenceId,
                    licenceHolder(applicant, data(applicant)));
            touchDraft(draft);
            return materials.attachLicence(draftId, slot, licence.identifier(), "A", actorId(applicant),
                    clock.instant());
        });
    }

    private Material material(CaseRecord draft, String slot) {
        return submissions.item(draft.itemCode()).content().materials().stream().filter(m -> m.key().equals(slot))
                .findFirst().orElseThrow(() -> new BusinessException(CasesError.CASES_MATERIAL_UNKNOWN, slot));
    }

    /** The ID number or credit code whose licences the applicant may use; null for an agent who may not. */
    private static @Nullable String licenceHolder(Applicant applicant, ApplicantData data) {
        return applicant.acting() != null && !applicant.acting().mayUseLicences() ? null : data.licenceHolder();
    }

    public void removeFromDraft(Applicant applicant, long draftId, String slot) {
        inTx(() -> {
            CaseRecord draft = ownDraft(applicant, draftId, true);
            touchDraft(draft);
            materials.remove(draftId, slot, clock.instant());
            return null;
        });
    }

    /**
     * Submits an application. With an {@code Idempotency-Key} the same key of the same applicant gives the same case,
     * also for requests racing each other: the key is unique per submitter in the database, and the loser of a race
     * answers with the winner's case.
     */
    public CaseView submit(Applicant applicant, Submission submission, @Nullable String idempotencyKey) {
        String key = Submissions.idempotencyKey(idempotencyKey);
        String submitter = ApplicantAccess.submitterKey(applicant);
        try {
            return inTx(() -> {
                CaseRecord earlier = key == null ? null : store.findByIdempotencyKey(submitter, key).orElse(null);
                return earlier != null ? replay(applicant, earlier, submission)
                        : views.forApplicant(doSubmit(applicant, submission, key));
            });
        } catch (DuplicateKeyException e) {
            if (key == null) {
                throw e;
            }
            return inTx(() -> replay(applicant, store.findByIdempotencyKey(submitter, key).orElseThrow(() -> e),
                    submission));
        }
    }

    /** The case an earlier submission with the same key made, in the caller's transaction. */
    private CaseView replay(Applicant applicant, CaseRecord earlier, Submission submission) {
        if (submission.draftId() != null && submission.draftId() != earlier.id()
                || !ApplicantAccess.maySee(applicant, earlier)) {
            throw new BusinessException(CasesError.CASES_IDEMPOTENCY_KEY_REUSED, earlier.number());
        }
        return views.forApplicant(earlier);
    }

    private CaseRecord doSubmit(Applicant applicant, Submission submission, @Nullable String key) {
        ApplicantData data = data(applicant);
        if (submission.draftId() == null) {
            if (submission.itemCode() == null || submission.itemCode().isBlank()) {
                throw new BusinessException(CasesError.CASES_ITEM_NOT_AVAILABLE, "");
            }
            Submissions.Item item = submissions.item(submission.itemCode());
            requireLevel(applicant, item.content());
            return submissions.submitNew(item, data, ApplicantAccess.submitterKey(applicant), Channel.ONLINE,
                    submission.formValues(), submission.situationAnswers(), key, Actor.applicant(applicant.person()),
                    CaseAction.SUBMIT, true, Set.of(), licenceHolder(applicant, data));
        }
        CaseRecord draft = store.lock(submission.draftId())
                .filter(d -> ApplicantAccess.submitterKey(applicant).equals(d.submitterKey()))
                .orElseThrow(() -> new BusinessException(CasesError.CASES_DRAFT_NOT_FOUND));
        if (draft.state() != CaseState.DRAFT) {
            if (key != null && key.equals(draft.idempotencyKey())) {
                return draft;
            }
            throw new BusinessException(CasesError.CASES_DRAFT_SUBMITTED, draft.number());
        }
        if (!ApplicantAccess.ownsDraft(applicant, draft)) {
            throw new BusinessException(CasesError.CASES_DRAFT_NOT_FOUND);
        }
        Submissions.Item item = submissions.item(draft.itemCode());
        if (submission.formValues() != null || submission.situationAnswers() != null) {
            draft = submissions.updateDraft(draft, item, data, submission.formValues(), submission.situationAnswers());
        }
        requireLevel(applicant, item.content());
        return submissions.submit(draft, item, data, key, Actor.applicant(applicant.person()),
                CaseAction.SUBMIT, true, Set.of(), licenceHolder(applicant, data));
    }

    public CaseView view(Applicant applicant, String caseNumber) {
        return inTx(() -> views.forApplicant(visible(applicant, caseNumber)));
    }

    /** The applicant's cases, newest first; {@code page} counts from 0. */
    public CasePage<CaseSummary> list(Applicant applicant, int page) {
        ApplicantAccess.Condition condition = ApplicantAccess.condition(applicant);
        int p = Math.max(page, 0);
        return inTx(() -> new CasePage<>(store.list(condition.where(), condition.params(), (long) p * PAGE_SIZE, PAGE_SIZE)
                .stream().map(views::summary).toList(), p, PAGE_SIZE, store.count(condition.where(),
                condition.params())));
    }

    /** Uploads a material asked for by a correction request (补正). */
    public StoredMaterial uploadSupplement(Applicant applicant, String caseNumber, String slot,
            @Nullable String fileName, byte[] bytes) {
        materials.check(bytes);
        return inTx(() -> {
            CaseRecord c = visible(applicant, caseNumber);
            requireState(c, CaseAction.SUPPLEMENT, CaseState.CORRECTION_REQUESTED);
            if (c.materialsRequired().stream().noneMatch(m -> m.key().equals(slot))) {
                throw new BusinessException(CasesError.CASES_MATERIAL_UNKNOWN, slot);
            }
            return materials.upload(c.id(), slot, fileName, bytes, actorId(applicant), clock.instant());
        });
    }

    /**
     * Finishes a correction (补正提交): with corrected form values (merged into the application's; an empty value clears a
     * field) if the form was asked for, and every required
     * material present. The case returns to the step that asked (the window before acceptance, the reviewer after);
     * a clock stopped by the request runs again and the promised date moves by the working days it stood.
     */
    public CaseView supplement(Applicant applicant, String caseNumber, @Nullable Map<String, String> formValues,
            @Nullable Integer version) {
        return inTx(() -> {
            CaseRecord c = visible(applicant, caseNumber);
            expectVersion(c, version);
            requireState(c, CaseAction.SUPPLEMENT, CaseState.CORRECTION_REQUESTED);
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            if (formValues != null) {
                ItemContent content = submissions.item(c.itemCode()).content();
                Map<String, String> typed = new LinkedHashMap<>(c.formValues());
                typed.putAll(formValues);
                c.formPrefill().keySet().forEach(typed::remove);
                content.applicationForm().check(typed);
                changes.put("form_values", new Json(typed));
            }
            Set<String> present = new java.util.HashSet<>();
            materials.current(c.id()).forEach(m -> present.add(m.slot()));
            var missing = c.materialsRequired().stream().filter(m -> m.required() && !present.contains(m.key()))
                    .map(m -> org.yiwang.shared.RuleViolations.Violation.of(CasesError.CASES_MATERIAL_MISSING,
                            "materials." + m.key(), m.key(), m.name())).toList();
            if (!missing.isEmpty()) {
                throw new org.yiwang.shared.RuleViolations(CasesError.CASES_MATERIALS_MISSING, missing);
            }
            Instant now = clock.instant();
            LocalDate today = clock.today();
            CaseState back = c.resumeState() == null ? CaseState.SUBMITTED : c.resumeState();
            changes.putAll(limits.resume(c, today, now, "申请人已补正"));
            changes.put("state", back);
            changes.put("resume_state", null);
            changes.put("correction_items", null);
            changes.put("updated_at", now);
            save(c, changes);
            CaseRecord saved = store.findById(c.id()).orElseThrow();
            trail.append(c.id(), now, CaseAction.SUPPLEMENT, c.currentTask(), Actor.applicant(applicant.person()),
                    null, c.state(), back, Map.of("materials", present.stream().sorted().toList()));
            notifications.staff(saved, "SUPPLEMENTED", "办件 " + saved.caseNumber() + " 的申请人已补正，请继续办理。");
            return views.forApplicant(saved);
        });
    }

    /**
     * The form fields a pending correction request names (补正 of the application form), as the item's form defines
     * them; prefilled fields are left out (they come from the identity, never from input).
     */
    public List<FormField> correctionFields(Applicant applicant, String caseNumber) {
        return inTx(() -> {
            CaseRecord c = visible(applicant, caseNumber);
            if (c.state() != CaseState.CORRECTION_REQUESTED || c.correctionItems() == null) {
                return List.<FormField>of();
            }
            Set<String> named = new java.util.HashSet<>();
            c.correctionItems().forEach(i -> {
                if (i.field() != null) {
                    named.add(i.field());
                }
            });
            return submissions.item(c.itemCode()).content().applicationForm().fields().stream()
                    .filter(f -> f.prefill() == null && named.contains(f.key())).toList();
        });
    }

    /** 撤回: the applicant gives up before the decision (result 5). */
    public CaseView withdraw(Applicant applicant, String caseNumber, @Nullable String reason,
            @Nullable Integer version) {
        String why = Texts.required(reason, "撤回原因", 500);
        return inTx(() -> {
            CaseRecord c = visible(applicant, caseNumber);
            expectVersion(c, version);
            requireState(c, CaseAction.WITHDRAW, CaseState.WITHDRAWABLE.toArray(CaseState[]::new));
            Instant now = clock.instant();
            Map<String, @Nullable Object> changes = new LinkedHashMap<>(limits.resume(c, clock.today(), now, "申请人撤回"));
            changes.put("state", CaseState.WITHDRAWN);
            changes.put("resume_state", null);
            changes.put("result_code", ResultCode.WITHDRAWN.code());
            changes.put("result_reason", why);
            changes.put("completed_at", now);
            changes.put("updated_at", now);
            changes.putAll(CaseFlow.taskColumns(null, now));
            save(c, changes);
            if (c.processInstanceId() != null) {
                process.terminate(c.processInstanceId(), "申请人撤回");
            }
            CaseRecord saved = store.findById(c.id()).orElseThrow();
            trail.append(c.id(), now, CaseAction.WITHDRAW, c.currentTask(), Actor.applicant(applicant.person()), why,
                    c.state(), CaseState.WITHDRAWN, Map.of("resultCode", ResultCode.WITHDRAWN.code()));
            notifications.applicant(saved, "WITHDRAWN", "您的办件 " + saved.caseNumber() + " 已撤回。", false);
            return views.forApplicant(saved);
        });
    }

    /** The applicant's in-site messages (站内消息), newest first, read ones with the time they were read. */
    public List<CaseMessage> messages(Applicant applicant) {
        return inTx(() -> notifications.list(CaseNotifications.of(applicant), false, null));
    }

    /** The applicant's newest messages about one case (at most 100). */
    public List<CaseMessage> messages(Applicant applicant, String caseNumber) {
        return inTx(() -> notifications.list(CaseNotifications.of(applicant), false, caseNumber));
    }

    public long unreadMessages(Applicant applicant) {
        return inTx(() -> notifications.unread(CaseNotifications.of(applicant)));
    }

    /** 标为已读: one message of the applicant's; another's or a missing one answers as missing. */
    public CaseMessage markRead(Applicant applicant, long messageId) {
        return inTx(() -> notifications.markRead(CaseNotifications.of(applicant), messageId, null).stream()
                .findFirst().orElseThrow(() -> new BusinessException(CasesError.CASES_MESSAGE_NOT_FOUND)));
    }

    /** Marks all the applicant's messages read, or with {@code caseNumber} those about one case; returns how many. */
    public int markAllRead(Applicant applicant, @Nullable String caseNumber) {
        return inTx(() -> notifications.markRead(CaseNotifications.of(applicant), null, caseNumber).size());
    }

    private CaseRecord visible(Applicant applicant, String caseNumber) {
        return store.findByNumber(caseNumber).filter(c -> ApplicantAccess.maySee(applicant, c)).orElseThrow(() -> {
            log.warn("Case {} asked for by account {}, who may not see it (or it does not exist)",
                    Texts.loggable(caseNumber), applicant.person().accountId());
            return new BusinessException(CasesError.CASES_CASE_NOT_FOUND);
        });
    }

    private CaseRecord ownDraft(Applicant applicant, long draftId, boolean lock) {
        return (lock ? store.lock(draftId) : store.findById(draftId))
                .filter(d -> ApplicantAccess.ownsDraft(applicant, d))
                .orElseThrow(() -> new BusinessException(CasesError.CASES_DRAFT_NOT_FOUND));
    }

    private void touchDraft(CaseRecord draft) {
        save(draft, Map.of("updated_at", clock.instant()));
    }

    private DraftView draftView(Applicant applicant, CaseRecord draft) {
        ItemContent content = submissions.item(draft.itemCode()).content();
        boolean complete;
        try {
            content.materialsFor(draft.situationAnswers());
            complete = true;
        } catch (org.yiwang.shared.RuleViolations e) {
            complete = false;
        }
        List<Material> list = Submissions.draftMaterials(content, draft.situationAnswers());
        Map<String, StoredMaterial> current = new LinkedHashMap<>();
        materials.current(draft.id()).forEach(m -> current.put(m.slot(), m));
        String holder = list.stream().anyMatch(m -> m.licenceTypeCode() != null)
                ? licenceHolder(applicant, data(applicant)) : null;
        return views.draft(draft, list.stream().map(m -> new CaseView.MaterialSlot(m.key(), m.name(),
                m.required(), current.get(m.key()), licences.describe(current.get(m.key())),
                licences.choices(m, holder))).toList(), complete);
    }

    private ApplicantData data(Applicant applicant) {
        return ApplicantData.of(profile(applicant), applicant.acting());
    }

    private PersonProfile profile(Applicant applicant) {
        return profiles.profile(applicant.person().accountId()).filter(PersonProfile::active)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_NOT_AN_APPLICANT));
    }

    /**
     * Refuses an applicant whose identity assurance level (实名认证等级) is below the item's minimum, with a message
     * that tells how to raise it; nothing when the item sets no minimum.
     */
    public void requireAssuranceLevel(Applicant applicant, String itemCode) {
        inTx(() -> {
            requireLevel(applicant, submissions.item(itemCode).content());
            return null;
        });
    }

    private void requireLevel(Applicant applicant, ItemContent content) {
        content.minimumLevel().ifPresent(required -> {
            AssuranceLevel level = profile(applicant).level();
            if (!level.atLeast(required)) {
                throw new BusinessException(CasesError.CASES_ASSURANCE_LEVEL_TOO_LOW, required.rank(),
                        required.label(), level.rank(), level.label());
            }
        });
    }

    private void save(CaseRecord c, Map<String, @Nullable Object> changes) {
        if (!store.update(c.id(), c.version(), changes)) {
            throw new BusinessException(CasesError.CASES_VERSION_CONFLICT);
        }
    }

    static void expectVersion(CaseRecord c, @Nullable Integer version) {
        if (version != null && version != c.version()) {
            throw new BusinessException(CasesError.CASES_VERSION_CONFLICT);
        }
    }

    static void requireState(CaseRecord c, CaseAction action, CaseState... allowed) {
        for (CaseState s : allowed) {
            if (c.state() == s) {
                return;
            }
        }
        throw new BusinessException(CasesError.CASES_STATE_CONFLICT, c.state().label(), action.label());
    }

    private static String actorId(Applicant applicant) {
        return "person:" + applicant.person().accountId().value();
    }

    private <T> T inTx(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
