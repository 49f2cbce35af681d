package org.yiwang.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.RuleViolations;

/**
 * Everything an implementation-list entry (实施清单) says: the service guide (办事指南) of one item as one
 * department implements it in its region. One version of an item holds one {@code ItemContent}.
 *
 * @param basicCode          基本编码 of the basic catalogue entry (≤ 12 characters)
 * @param implementationCode 实施编码 (≤ 36; in practice the department's 18-character credit code + 13 characters)
 * @param handlingItemCode   业务办理项编码 (≤ 50), when the item is split into handling items
 * @param departmentCode     unified social credit code of the implementing department (实施主体)
 * @param onSiteVisits       到办事现场次数; a reason is required when above zero
 * @param noMaterials        an explicit statement that the item needs no materials (无需材料)
 * @param applicationForm    the fields an applicant fills in online (申请表单)
 * @param preReview          whether online applications are pre-reviewed (预审) before the window accepts them
 * @param minimumAssuranceLevel the lowest identity assurance level (实名认证等级, 2–5, see
 *                           {@link org.yiwang.identity.AssuranceLevel}) an online applicant must have; absent: any
 *                           logged-in citizen
 */
public record ItemContent(
        String basicCode,
        String implementationCode,
        @Nullable String handlingItemCode,
        String name,
        ItemType type,
        String departmentCode,
        ExerciseLevel exerciseLevel,
        String legalBasis,
        TimeLimit statutoryLimit,
        TimeLimit promisedLimit,
        @Nullable String promisedLimitNote,
        CaseType caseType,
        int onSiteVisits,
        @Nullable String onSiteVisitReason,
        boolean chargeable,
        List<Fee> fees,
        String acceptanceConditions,
        List<Material> materials,
        boolean noMaterials,
        List<Situation> situations,
        Set<ServiceObject> serviceObjects,
        Set<HandlingForm> handlingForms,
        OnlineDepth onlineDepth,
        boolean appointment,
        boolean onlinePayment,
        boolean postalDelivery,
        String handlingProcess,
        @Nullable String resultName,
        @Nullable ResultType resultType,
        Set<Theme> themes,
        List<String> keywords,
        String address,
        String officeHours,
        String consultationPhone,
        String supervisionChannel,
        List<Faq> faqs,
        ApplicationForm applicationForm,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean preReview,
        @Nullable Integer minimumAssuranceLevel) {

    /**
     * Absent collections become empty and absent mandatory texts become blank, so a half-filled draft can still be
     * stored and checked; sets keep their enum order so that versions compare field by field.
     */
    public ItemContent {
        basicCode = orBlank(basicCode);
        implementationCode = orBlank(implementationCode);
        name = orBlank(name);
        departmentCode = orBlank(departmentCode);
        legalBasis = orBlank(legalBasis);
        acceptanceConditions = orBlank(acceptanceConditions);
        handlingProcess = orBlank(handlingProcess);
        address = orBlank(address);
        officeHours = orBlank(officeHours);
        consultationPhone = orBlank(consultationPhone);
        supervisionChannel = orBlank(supervisionChannel);
        fees = fees == null ? List.of() : List.copyOf(fees);
        materials = materials == null ? List.of() : List.copyOf(materials);
        situations = situations == null ? List.of() : List.copyOf(situations);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        faqs = faqs == null ? List.of() : List.copyOf(faqs);
        applicationForm = applicationForm == null ? ApplicationForm.NONE : applicationForm;
        serviceObjects = sorted(serviceObjects, ServiceObject.class);
        handlingForms = sorted(handlingForms, HandlingForm.class);
        themes = sorted(themes, Theme.class);
    }

    /** An item without a minimum assurance level. */
    @SuppressWarnings("java:S107")
    public ItemContent(String basicCode, String implementationCode, @Nullable String handlingItemCode, String name,
            ItemType type, String departmentCode, ExerciseLevel exerciseLevel, String legalBasis,
            TimeLimit statutoryLimit, TimeLimit promisedLimit, @Nullable String promisedLimitNote, CaseType caseType,
            int onSiteVisits, @Nullable String onSiteVisitReason, boolean chargeable, List<Fee> fees,
            String acceptanceConditions, List<Material> materials, boolean noMaterials, List<Situation> situations,
            Set<ServiceObject> serviceObjects, Set<HandlingForm> handlingForms, OnlineDepth onlineDepth,
            boolean appointment, boolean onlinePayment, boolean postalDelivery, String handlingProcess,
            @Nullable String resultName, @Nullable ResultType resultType, Set<Theme> themes, List<String> keywords,
            String address, String officeHours, String consultationPhone, String supervisionChannel, List<Faq> faqs,
            ApplicationForm applicationForm, boolean preReview) {
        this(basicCode, implementationCode, handlingItemCode, name, type, departmentCode, exerciseLevel, legalBasis,
                statutoryLimit, promisedLimit, promisedLimitNote, caseType, onSiteVisits, onSiteVisitReason,
                chargeable, fees, acceptanceConditions, materials, noMaterials, situations, serviceObjects,
                handlingForms, onlineDepth, appointment, onlinePayment, postalDelivery, handlingProcess, resultName,
                resultType, themes, keywords, address, officeHours, consultationPhone, supervisionChannel, faqs,
                applicationForm, preReview, null);
    }

    /** The minimum assurance level as the identity module names it, if the item sets one. */
    public java.util.Optional<org.yiwang.identity.AssuranceLevel> minimumLevel() {
        return java.util.Optional.ofNullable(minimumAssuranceLevel).flatMap(rank -> java.util.Arrays.stream(
                org.yiwang.identity.AssuranceLevel.values()).filter(l -> l.rank() == rank).findFirst());
    }

    private static String orBlank(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static <E extends Enum<E>> Set<E> sorted(@Nullable Set<E> set, Class<E> type) {
        var result = java.util.EnumSet.noneOf(type);
        if (set != null) {
            result.addAll(set);
        }
        return java.util.Collections.unmodifiableSet(result);
    }

    /**
     * The materials an application needs given its situation answers (情形): every unconditional material, plus those
     * the chosen answers add, minus those they remove, in the order of the material list.
     *
     * @param answers situation key → answer key; every situation must be answered
     * @throws RuleViolations naming each unanswered situation and each unknown situation or answer
     */
    public List<Material> materialsFor(java.util.Map<String, String> answers) {
        List<RuleViolations.Violation> problems = new java.util.ArrayList<>();
        answers.keySet().stream().filter(k -> situations.stream().noneMatch(s -> s.key().equals(k)))
                .forEach(k -> problems.add(RuleViolations.Violation.of(
                        CatalogError.CATALOG_SITUATION_ANSWER_INVALID, k, k)));
        Set<String> added = new java.util.HashSet<>();
        Set<String> removed = new java.util.HashSet<>();
        for (Situation situation : situations) {
            String chosen = answers.get(situation.key());
            var answer = situation.answers().stream().filter(a -> a.key().equals(chosen)).findFirst();
            if (chosen == null) {
                problems.add(RuleViolations.Violation.of(CatalogError.CATALOG_SITUATION_UNANSWERED, situation.key(),
                        situation.question()));
            } else if (answer.isEmpty()) {
                problems.add(RuleViolations.Violation.of(CatalogError.CATALOG_SITUATION_ANSWER_INVALID,
                        situation.key(), chosen));
            } else {
                added.addAll(answer.get().addsMaterials());
                removed.addAll(answer.get().removesMaterials());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolations(CatalogError.CATALOG_SITUATIONS_INVALID, problems);
        }
        return materials.stream()
                .filter(m -> (!m.conditional() || added.contains(m.key())) && !removed.contains(m.key()))
                .toList();
    }

    public Set<Audience> audiences() {
        var result = java.util.EnumSet.noneOf(Audience.class);
        serviceObjects.forEach(o -> result.add(o.audience()));
        return result;
    }
}
