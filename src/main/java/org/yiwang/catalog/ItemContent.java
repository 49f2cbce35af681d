package org.yiwang.catalog;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
        List<Faq> faqs) {

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
        serviceObjects = sorted(serviceObjects, ServiceObject.class);
        handlingForms = sorted(handlingForms, HandlingForm.class);
        themes = sorted(themes, Theme.class);
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

    public Set<Audience> audiences() {
        var result = java.util.EnumSet.noneOf(Audience.class);
        serviceObjects.forEach(o -> result.add(o.audience()));
        return result;
    }
}
