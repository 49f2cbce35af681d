package org.yiwang.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;
import org.yiwang.shared.RuleViolations;
import org.yiwang.shared.RuleViolations.Violation;

/**
 * The application form of an item (申请表单): its fields in display order. An item without fields asks for nothing
 * beyond the applicant's identity and the materials.
 */
public record ApplicationForm(List<FormField> fields) {

    public static final ApplicationForm NONE = new ApplicationForm(List.of());

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,20}(\\.\\d{1,8})?");

    public ApplicationForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Checks submitted values against the fields: required fields filled, each value of its type, no unknown keys.
     * Prefilled fields are not checked here: their values come from the identity.
     *
     * @throws RuleViolations listing every problem, with the field key as the violation's field
     */
    public void check(Map<String, String> values) {
        List<Violation> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> field(k).isEmpty())
                .forEach(k -> problems.add(Violation.of(CatalogError.CATALOG_FORM_FIELD_UNKNOWN, k, k)));
        for (FormField f : fields) {
            if (f.prefill() != null) {
                continue;
            }
            String value = values.getOrDefault(f.key(), "").strip();
            if (value.isEmpty()) {
                if (f.required()) {
                    problems.add(Violation.of(CatalogError.CATALOG_FORM_VALUE_REQUIRED, f.key(), f.label()));
                }
            } else if (value.length() > f.type().maxLength() || !valid(f, value)) {
                problems.add(Violation.of(CatalogError.CATALOG_FORM_VALUE_INVALID, f.key(), f.label(),
                        f.type().label()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolations(CatalogError.CATALOG_FORM_INVALID, problems);
        }
    }

    private static boolean valid(FormField f, String value) {
        return switch (f.type()) {
            case TEXT, TEXTAREA -> value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                    && c != '\t');
            case NUMBER -> NUMBER.matcher(value).matches();
            case DATE -> isDate(value);
            case SELECT -> f.options().contains(value);
            case MOBILE -> MOBILE.matcher(value).matches();
            case ID_NUMBER -> IdNumber.isValid(value);
            case CREDIT_CODE -> CreditCode.isValid(value);
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
