package org.yiwang.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.RuleViolations.Violation;

/**
 * The rules an item's content must follow (GB/T 39046 and the national implementation-list practice). A draft may be
 * incomplete; {@code publishing} adds the rules that only a public guide must meet. Returns every violation at once.
 */
final class ItemRules {

    private static final Pattern BASIC_CODE = Pattern.compile("[0-9A-Z]{1,12}");
    private static final Pattern HANDLING_ITEM_CODE = Pattern.compile("[0-9A-Z]{1,50}");
    private static final Pattern IMPLEMENTATION_CODE = Pattern.compile("[0-9A-Za-z_-]{1,36}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");
    static final int MAX_FORM_FIELDS = 60;

    private final Predicate<CreditCode> departmentExists;
    private final Predicate<String> fileExists;

    ItemRules(Predicate<CreditCode> departmentExists, Predicate<String> fileExists) {
        this.departmentExists = departmentExists;
        this.fileExists = fileExists;
    }

    List<Violation> check(ItemContent c, boolean publishing) {
        List<Violation> out = new ArrayList<>();
        required(out, "type", "事项类型", c.type());
        required(out, "exerciseLevel", "行使层级", c.exerciseLevel());
        required(out, "statutoryLimit", "法定办结时限", c.statutoryLimit());
        required(out, "promisedLimit", "承诺办结时限", c.promisedLimit());
        required(out, "caseType", "办件类型", c.caseType());
        required(out, "onlineDepth", "网上办理深度", c.onlineDepth());
        if (c.name().isBlank()) {
            out.add(Violation.of(CatalogError.CATALOG_NAME_REQUIRED, "name"));
        }
        codes(c, out);
        if (c.statutoryLimit() != null && c.promisedLimit() != null && c.promisedLimit().exceeds(c.statutoryLimit())) {
            out.add(Violation.of(CatalogError.CATALOG_PROMISED_EXCEEDS_STATUTORY, "promisedLimit",
                    c.promisedLimit().label(), c.statutoryLimit().label()));
        }
        if (c.onSiteVisits() < 0) {
            out.add(Violation.of(CatalogError.CATALOG_ON_SITE_VISITS_INVALID, "onSiteVisits", c.onSiteVisits()));
        } else if (c.onSiteVisits() > 0 && blank(c.onSiteVisitReason())) {
            out.add(Violation.of(CatalogError.CATALOG_ON_SITE_REASON_REQUIRED, "onSiteVisitReason", c.onSiteVisits()));
        }
        if (c.minimumAssuranceLevel() != null && c.minimumLevel().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_ASSURANCE_LEVEL_INVALID, "minimumAssuranceLevel",
                    c.minimumAssuranceLevel()));
        }
        if (c.serviceObjects().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_SERVICE_OBJECT_REQUIRED, "serviceObjects"));
        }
        if (c.chargeable() && c.fees().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_FEE_REQUIRED, "fees"));
        }
        Set<String> keys = materials(c, out);
        situations(c, keys, out);
        form(c, out);
        if (c.noMaterials() && !c.materials().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_NO_MATERIALS_CONTRADICTION, "noMaterials"));
        } else if (publishing && !c.noMaterials() && c.materials().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_MATERIALS_REQUIRED, "materials"));
        }
        return out;
    }

    private void codes(ItemContent c, List<Violation> out) {
        boolean departmentValid = CreditCode.isValid(c.departmentCode());
        if (!departmentValid) {
            out.add(Violation.of(CatalogError.CATALOG_DEPARTMENT_CODE_INVALID, "departmentCode", c.departmentCode()));
        } else if (!departmentExists.test(CreditCode.of(c.departmentCode()))) {
            out.add(Violation.of(CatalogError.CATALOG_DEPARTMENT_UNKNOWN, "departmentCode", c.departmentCode()));
        }
        if (!IMPLEMENTATION_CODE.matcher(c.implementationCode()).matches()) {
            out.add(Violation.of(CatalogError.CATALOG_IMPLEMENTATION_CODE_INVALID, "implementationCode",
                    c.implementationCode()));
        } else if (departmentValid && !c.implementationCode().startsWith(c.departmentCode())) {
            out.add(Violation.of(CatalogError.CATALOG_IMPLEMENTATION_CODE_DEPARTMENT_MISMATCH, "implementationCode",
                    c.implementationCode(), c.departmentCode()));
        }
        if (!BASIC_CODE.matcher(c.basicCode()).matches()) {
            out.add(Violation.of(CatalogError.CATALOG_BASIC_CODE_INVALID, "basicCode", c.basicCode()));
        }
        if (c.handlingItemCode() != null && !HANDLING_ITEM_CODE.matcher(c.handlingItemCode()).matches()) {
            out.add(Violation.of(CatalogError.CATALOG_HANDLING_ITEM_CODE_INVALID, "handlingItemCode",
                    c.handlingItemCode()));
        }
    }

    private Set<String> materials(ItemContent c, List<Violation> out) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < c.materials().size(); i++) {
            Material m = c.materials().get(i);
            String at = "materials[" + i + "]";
            if (blank(m.key())) {
                out.add(Violation.of(CatalogError.CATALOG_MATERIAL_KEY_REQUIRED, at + ".key", i + 1));
            } else if (!keys.add(m.key())) {
                out.add(Violation.of(CatalogError.CATALOG_MATERIAL_KEY_DUPLICATE, at + ".key", m.key()));
            }
            if (blank(m.name())) {
                out.add(Violation.of(CatalogError.CATALOG_MATERIAL_NAME_REQUIRED, at + ".name", i + 1));
            }
            file(out, at + ".blankFormFileId", m.blankFormFileId());
            file(out, at + ".sampleFileId", m.sampleFileId());
        }
        return keys;
    }

    private void file(List<Violation> out, String field, @Nullable String id) {
        if (id != null && !fileExists.test(id)) {
            out.add(Violation.of(CatalogError.CATALOG_MATERIAL_FILE_NOT_FOUND, field, id));
        }
    }

    private static void situations(ItemContent c, Set<String> keys, List<Violation> out) {
        for (int s = 0; s < c.situations().size(); s++) {
            Situation situation = c.situations().get(s);
            List<Situation.Answer> answers = situation.answers() == null ? List.of() : situation.answers();
            for (int a = 0; a < answers.size(); a++) {
                Situation.Answer answer = answers.get(a);
                String at = "situations[" + s + "].answers[" + a + "]";
                unknown(out, at + ".addsMaterials", answer.addsMaterials(), keys);
                unknown(out, at + ".removesMaterials", answer.removesMaterials(), keys);
            }
        }
    }

    private static void form(ItemContent c, List<Violation> out) {
        List<FormField> fields = c.applicationForm().fields();
        if (fields.size() > MAX_FORM_FIELDS) {
            out.add(Violation.of(CatalogError.CATALOG_FORM_TOO_MANY_FIELDS, "applicationForm.fields", fields.size(),
                    MAX_FORM_FIELDS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String at = "applicationForm.fields[" + i + "]";
            String name = blank(f.label()) ? "第" + (i + 1) + "项" : f.label().strip();
            if (blank(f.key())) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_KEY_REQUIRED, at + ".key", i + 1));
            } else if (!FIELD_KEY.matcher(f.key()).matches()) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_KEY_INVALID, at + ".key", f.key()));
            } else if (!keys.add(f.key())) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_KEY_DUPLICATE, at + ".key", f.key()));
            }
            if (blank(f.label())) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_LABEL_REQUIRED, at + ".label", i + 1));
            }
            if (f.type() == null) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_TYPE_REQUIRED, at + ".type", name));
                continue;
            }
            options(f, at, name, out);
            if (f.prefill() != null) {
                prefill(c, f, at, name, out);
            }
        }
    }

    private static void options(FormField f, String at, String name, List<Violation> out) {
        if (f.type() != FormField.Type.SELECT) {
            if (!f.options().isEmpty()) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_OPTIONS_NOT_ALLOWED, at + ".options", name,
                        f.type().label()));
            }
            return;
        }
        if (f.options().isEmpty()) {
            out.add(Violation.of(CatalogError.CATALOG_FORM_OPTIONS_REQUIRED, at + ".options", name));
        }
        Set<String> seen = new HashSet<>();
        for (String option : f.options()) {
            if (blank(option) || option.length() > f.type().maxLength() || !option.equals(option.strip())) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_OPTION_INVALID, at + ".options", name,
                        f.type().maxLength()));
            } else if (!seen.add(option)) {
                out.add(Violation.of(CatalogError.CATALOG_FORM_OPTION_DUPLICATE, at + ".options", name, option));
            }
        }
    }

    /**
     * A prefilled field must be of the type its datum has, and the datum must exist for the item's applicants: a
     * person's ID number only when persons apply, an enterprise's data only when organisations apply. Names and
     * mobiles of the applicant (for organisations: the agent, 经办人) are always at hand.
     */
    private static void prefill(ItemContent c, FormField f, String at, String name, List<Violation> out) {
        FormField.Prefill prefill = f.prefill();
        FormField.Type expected = switch (prefill) {
            case APPLICANT_NAME, ENTERPRISE_NAME -> FormField.Type.TEXT;
            case APPLICANT_ID_NUMBER -> FormField.Type.ID_NUMBER;
            case APPLICANT_MOBILE -> FormField.Type.MOBILE;
            case ENTERPRISE_CREDIT_CODE -> FormField.Type.CREDIT_CODE;
        };
        if (f.type() != expected) {
            out.add(Violation.of(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, at + ".prefill", name,
                    prefill.label(), expected.label()));
        }
        if (c.serviceObjects().isEmpty()) {
            return;
        }
        @Nullable Audience needed = switch (prefill) {
            case APPLICANT_ID_NUMBER -> Audience.PERSON;
            case ENTERPRISE_NAME, ENTERPRISE_CREDIT_CODE -> Audience.ENTERPRISE;
            case APPLICANT_NAME, APPLICANT_MOBILE -> null;
        };
        if (needed != null && !c.audiences().contains(needed)) {
            out.add(Violation.of(CatalogError.CATALOG_FORM_PREFILL_NOT_FOR_APPLICANTS, at + ".prefill", name,
                    prefill.label()));
        }
    }

    private static void unknown(List<Violation> out, String field, @Nullable List<String> refs, Set<String> keys) {
        if (refs != null) {
            refs.stream().filter(k -> !keys.contains(k)).forEach(k ->
                    out.add(Violation.of(CatalogError.CATALOG_SITUATION_MATERIAL_UNKNOWN, field, k)));
        }
    }

    private static void required(List<Violation> out, String field, String label, @Nullable Object value) {
        if (value == null) {
            out.add(Violation.of(CatalogError.CATALOG_FIELD_REQUIRED, field, label));
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
