package org.yiwang.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiwang.cases.CaseRecord.RequiredMaterial;
import org.yiwang.cases.CaseStore.Json;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.ErrorCode;
import org.yiwang.shared.RuleViolations;
import org.yiwang.shared.RuleViolations.Violation;

/**
 * Drafts and their submission, shared by online applications and walk-ins registered at the window: the item's
 * checks (situations, form, materials) in one round, the case number, the process instance and the first trail entry,
 * all in the caller's transaction. Prefilled form fields are never taken from input: the stored form keeps only what
 * was typed, and which identity datum fills each prefilled field.
 */
@Component
class Submissions {

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    /** A published item with its department (whose region is the case's). */
    record Item(PublishedItem item, Department department) {

        ItemContent content() {
            return item.content();
        }
    }

    private final PublishedItems items;
    private final Departments departments;
    private final CaseStore store;
    private final CaseMaterials materials;
    private final CaseNumbers numbers;
    private final CaseProcess process;
    private final CaseTrail trail;
    private final CaseNotifications notifications;
    private final PersonalDataCipher cipher;
    private final CaseClock clock;
    private final CaseLicences licences;

    Submissions(PublishedItems items, Departments departments, CaseStore store, CaseMaterials materials,
            CaseNumbers numbers, CaseProcess process, CaseTrail trail, CaseNotifications notifications,
            PersonalDataCipher cipher, CaseClock clock, CaseLicences licences) {
        this.licences = licences;
        this.items = items;
        this.departments = departments;
        this.store = store;
        this.materials = materials;
        this.numbers = numbers;
        this.process = process;
        this.trail = trail;
        this.notifications = notifications;
        this.cipher = cipher;
        this.clock = clock;
    }

    Item item(String code) {
        PublishedItem item = items.find(code.strip())
                .orElseThrow(() -> new BusinessException(CasesError.CASES_ITEM_NOT_AVAILABLE, code));
        String department = item.content().departmentCode();
        Department d = CreditCode.isValid(department) ? departments.find(CreditCode.of(department)).orElse(null)
                : null;
        if (d == null) {
            throw new BusinessException(CasesError.CASES_ITEM_NOT_AVAILABLE, code);
        }
        return new Item(item, d);
    }

    static @Nullable String idempotencyKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key.strip()).matches()) {
            throw new BusinessException(CasesError.CASES_IDEMPOTENCY_KEY_INVALID);
        }
        return key.strip();
    }

    CaseRecord createDraft(Item item, ApplicantData applicant, String submitterKey, Channel channel,
            @Nullable Map<String, String> values, @Nullable Map<String, String> answers) {
        Instant now = clock.instant();
        Map<String, @Nullable Object> columns = new LinkedHashMap<>(itemColumns(item, answers(answers)));
        columns.putAll(applicant.columns(cipher));
        columns.putAll(formColumns(item.content(), values(values), answers(answers)));
        columns.put("channel", channel);
        columns.put("submitter_key", submitterKey);
        columns.put("state", CaseState.DRAFT);
        columns.put("created_at", now);
        columns.put("updated_at", now);
        return store.insert(columns);
    }

    CaseRecord updateDraft(CaseRecord draft, Item item, ApplicantData applicant, @Nullable Map<String, String> values,
            @Nullable Map<String, String> answers) {
        Map<String, String> newValues = values == null ? draft.formValues() : values(values);
        Map<String, String> newAnswers = answers == null ? draft.situationAnswers() : answers(answers);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>(itemColumns(item, newAnswers));
        changes.putAll(applicant.columns(cipher));
        changes.putAll(formColumns(item.content(), newValues, newAnswers));
        changes.put("updated_at", clock.instant());
        return store.updated(draft.id(), draft.version(), changes)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_VERSION_CONFLICT));
    }

    /**
     * Submits a locked draft: checks everything at once, gives it a case number and starts its process.
     *
     * @param paper         material slots received on paper at the window, which count as present
     * @param licenceHolder ID number or credit code whose licences fill empty slots (免提交); null: none
     */
    CaseRecord submit(CaseRecord draft, Item item, ApplicantData applicant, @Nullable String idempotencyKey,
            Actor actor, CaseAction action, boolean online, Set<String> paper, @Nullable String licenceHolder) {
        List<StoredMaterial> stored = materials.current(draft.id());
        Prepared prepared = prepare(item, applicant, draft.formValues(), draft.situationAnswers(), idempotencyKey,
                online, paper, stored, licenceHolder);
        materials.keepOnly(draft.id(), stored, prepared.slots(), prepared.now());
        CaseRecord saved = store.updated(draft.id(), draft.version(), prepared.columns())
                .orElseThrow(() -> new BusinessException(CasesError.CASES_VERSION_CONFLICT));
        return submitted(saved, prepared, actor, action, paper);
    }

    /**
     * Submits an application that was never kept as a draft, as {@link #submit} does with a draft, in one insert.
     */
    CaseRecord submitNew(Item item, ApplicantData applicant, String submitterKey, Channel channel,
            @Nullable Map<String, String> values, @Nullable Map<String, String> answers,
            @Nullable String idempotencyKey, Actor actor, CaseAction action, boolean online, Set<String> paper,
            @Nullable String licenceHolder) {
        Map<String, String> typed = values(values);
        Map<String, String> situation = answers(answers);
        Map<String, @Nullable Object> columns = formColumns(item.content(), typed, situation);
        Prepared prepared = prepare(item, applicant, typed, situation, idempotencyKey, online, paper, List.of(),
                licenceHolder);
        columns.putAll(prepared.columns());
        columns.put("channel", channel);
        columns.put("submitter_key", submitterKey);
        columns.put("created_at", prepared.now());
        return submitted(store.insert(columns), prepared, actor, action, paper);
    }

    /** What a submission writes on the case row, and the material slots its answers ask for. */
    private record Prepared(Map<String, @Nullable Object> columns, Set<String> slots, Map<String, String> fromLibrary,
            Instant now) {
    }

    private Prepared prepare(Item item, ApplicantData applicant, Map<String, String> formValues,
            Map<String, String> answers, @Nullable String idempotencyKey, boolean online, Set<String> paper,
            List<StoredMaterial> stored, @Nullable String licenceHolder) {
        ItemContent content = item.content();
        Map<String, String> fromLibrary = new LinkedHashMap<>();
        List<Material> list = check(content, formValues, answers, applicant, paper, stored, licenceHolder,
                fromLibrary);
        Instant now = clock.instant();
        String number = numbers.next(item.item().code(), clock.today());
        boolean preReview = online && content.preReview();
        CaseProcess.Started started = process.start(item.item().code(), number, preReview);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>(itemColumns(item, answers));
        changes.put("materials_required", new Json(list.stream()
                .map(m -> new RequiredMaterial(m.key(), m.name(), m.required())).toList()));
        changes.putAll(applicant.columns(cipher));
        changes.put("case_number", number);
        changes.put("query_code", CaseNumbers.queryCode());
        changes.put("idempotency_key", idempotencyKey);
        changes.put("state", preReview ? CaseState.PRE_REVIEW : CaseState.SUBMITTED);
        changes.put("process_instance_id", started.processInstanceId());
        changes.put("process_definition_id", started.processDefinitionId());
        changes.putAll(CaseFlow.taskColumns(started.task(), now));
        changes.put("submitted_at", now);
        changes.put("updated_at", now);
        return new Prepared(changes, list.stream().map(Material::key).collect(Collectors.toSet()), fromLibrary, now);
    }

    /** The submitted case's materials from the wallet and on paper, its first trail entry and the applicant's notice. */
    private CaseRecord submitted(CaseRecord saved, Prepared prepared, Actor actor, CaseAction action,
            Set<String> paper) {
        Instant now = prepared.now();
        prepared.fromLibrary().forEach((slot, licence) -> materials.attachLicence(saved.id(), slot, licence, "A",
                "licence-library", now));
        paper.stream().filter(prepared.slots()::contains)
                .forEach(slot -> materials.receivePaper(saved.id(), slot, actor.id(), now));
        trail.append(saved.id(), now, action, null, actor, null, CaseState.DRAFT, saved.state(),
                Map.of("channel", saved.channel().name(), "itemVersion", saved.itemVersion()));
        notifications.applicant(saved, "SUBMITTED", "您申请的“" + saved.itemName() + "”已提交，办件编号 "
                + saved.number() + "，查询码 " + saved.queryCode() + "。", false);
        return saved;
    }

    /**
     * Every problem of the application at once; returns the material list of its answers. Empty slots that the
     * holder's newest valid licence of the material's type can fill (免提交) go to {@code fromLibrary}.
     */
    private List<Material> check(ItemContent content, Map<String, String> formValues, Map<String, String> answers,
            ApplicantData applicant, Set<String> paper, List<StoredMaterial> stored, @Nullable String licenceHolder,
            Map<String, String> fromLibrary) {
        List<Violation> problems = new ArrayList<>();
        Set<ErrorCode> summaries = new HashSet<>();
        List<Material> list = null;
        try {
            list = content.materialsFor(answers);
        } catch (RuleViolations v) {
            problems.addAll(v.violations());
            summaries.add(v.error());
        }
        try {
            content.applicationForm().check(formValues);
        } catch (RuleViolations v) {
            problems.addAll(v.violations());
            summaries.add(v.error());
        }
        for (FormField f : content.applicationForm().fields()) {
            if (f.prefill() != null && f.required() && applicant.prefill(f.prefill()).isEmpty()) {
                CasesError missing = f.prefill().name().startsWith("ENTERPRISE_")
                        ? CasesError.CASES_ENTERPRISE_APPLICANT_REQUIRED : CasesError.CASES_APPLICANT_DATA_MISSING;
                problems.add(Violation.of(missing, f.key(), f.label()));
                summaries.add(missing);
            }
        }
        if (list != null) {
            Set<String> present = new HashSet<>(paper);
            stored.forEach(m -> present.add(m.slot()));
            for (Material m : list) {
                if (!present.contains(m.key()) && m.licenceTypeCode() != null && licenceHolder != null) {
                    licences.newest(m, licenceHolder).ifPresent(licence -> {
                        fromLibrary.put(m.key(), licence);
                        present.add(m.key());
                    });
                }
                if (m.required() && !present.contains(m.key())) {
                    problems.add(Violation.of(CasesError.CASES_MATERIAL_MISSING, "materials." + m.key(), m.key(),
                            m.name()));
                    summaries.add(CasesError.CASES_MATERIALS_MISSING);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolations(summaries.size() == 1 ? summaries.iterator().next()
                    : CommonError.VALIDATION_FAILED, problems);
        }
        return list;
    }

    /** The material slots of the answers given so far: the answers' list, or every material until all are answered. */
    static List<Material> draftMaterials(ItemContent content, Map<String, String> answers) {
        try {
            return content.materialsFor(answers);
        } catch (RuleViolations e) {
            return content.materials();
        }
    }

    private static Map<String, @Nullable Object> itemColumns(Item item, Map<String, String> answers) {
        ItemContent content = item.content();
        Map<String, @Nullable Object> c = new LinkedHashMap<>();
        c.put("item_code", item.item().code());
        c.put("item_version", item.item().version());
        c.put("item_name", content.name());
        c.put("department_code", content.departmentCode());
        c.put("region_code", item.department().regionCode().value());
        c.put("case_type", content.caseType().name());
        c.put("promised_days", workingDays(content.promisedLimit()));
        c.put("pre_review", content.preReview());
        c.put("materials_required", new Json(draftMaterials(content, answers).stream()
                .map(m -> new RequiredMaterial(m.key(), m.name(), m.required())).toList()));
        return c;
    }

    private static Map<String, @Nullable Object> formColumns(ItemContent content, Map<String, String> values,
            Map<String, String> answers) {
        Map<String, String> prefill = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>(values);
        for (FormField f : content.applicationForm().fields()) {
            if (f.prefill() != null) {
                prefill.put(f.key(), f.prefill().name());
                typed.remove(f.key());
            }
        }
        Map<String, @Nullable Object> c = new LinkedHashMap<>();
        c.put("form_values", new Json(typed));
        c.put("form_prefill", new Json(prefill));
        c.put("situation_answers", new Json(answers));
        return c;
    }

    /**
     * Promised limits are kept in working days: natural days count 5 working days per 7, a month 21 (an
     * approximation; the catalogue's items use working days).
     */
    static int workingDays(TimeLimit limit) {
        return switch (limit.unit()) {
            case WORKING_DAY -> limit.value();
            case NATURAL_DAY -> (int) Math.ceil(limit.value() * 5 / 7.0);
            case MONTH -> limit.value() * 21;
        };
    }

    private static Map<String, String> values(@Nullable Map<String, String> values) {
        return bounded(values, 100, 2000);
    }

    private static Map<String, String> answers(@Nullable Map<String, String> answers) {
        return bounded(answers, 50, 64);
    }

    private static Map<String, String> bounded(@Nullable Map<String, String> in, int maxEntries, int maxLength) {
        if (in == null) {
            return new LinkedHashMap<>();
        }
        if (in.size() > maxEntries) {
            throw new BusinessException(CasesError.CASES_FORM_TOO_LARGE);
        }
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 64 || v != null && v.length() > maxLength) {
                throw new BusinessException(CasesError.CASES_FORM_TOO_LARGE);
            }
            if (v != null) {
                out.put(k.strip(), v.strip());
            }
        });
        return out;
    }
}
