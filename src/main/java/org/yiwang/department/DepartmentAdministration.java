package org.yiwang.department;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.yiwang.department.Department.DepartmentLevel;
import org.yiwang.region.Region;
import org.yiwang.region.Regions;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * Creating and changing departments (platform administration): the one place that checks a department's data.
 * Refusals are {@link BusinessException}s: {@code INVALID_CREDIT_CODE}, {@code INVALID_DIVISION_CODE} or a
 * {@link DepartmentError}; the first broken rule is reported and nothing is saved. Callers check the role.
 */
@Service
public class DepartmentAdministration {

    private static final Logger log = LoggerFactory.getLogger(DepartmentAdministration.class);

    private final JdbcDepartments departments;
    private final Regions regions;

    DepartmentAdministration(JdbcDepartments departments, Regions regions) {
        this.departments = departments;
        this.regions = regions;
    }

    public Department create(DepartmentForm form) {
        Department d = validate(form);
        if (!departments.insertIfMissing(d)) {
            throw new BusinessException(DepartmentError.DEPARTMENT_ALREADY_EXISTS, d.creditCode().value());
        }
        log.info("Department {} {} created", d.creditCode(), d.name());
        return d;
    }

    /** Replaces the data of the department {@code code}; the form's credit code, when given, must be the same. */
    public Department update(CreditCode code, DepartmentForm form) {
        if (form.creditCode() != null && !form.creditCode().isBlank()
                && !code.equals(CreditCode.of(form.creditCode()))) {
            throw new BusinessException(DepartmentError.DEPARTMENT_CODE_MISMATCH, form.creditCode(), code.value());
        }
        Department d = validate(new DepartmentForm(code.value(), form.name(), form.shortName(), form.regionCode(),
                form.level(), form.address(), form.phone(), form.officeHours(), form.website()));
        if (!departments.update(d)) {
            throw new BusinessException(DepartmentError.DEPARTMENT_NOT_FOUND, code.value());
        }
        log.info("Department {} {} updated", d.creditCode(), d.name());
        return d;
    }

    /** Checks every field; the credit code by its check characters, the region against the region tree. */
    Department validate(DepartmentForm form) {
        CreditCode code = CreditCode.of(form.creditCode());
        String name = required("name", form.name(), 200);
        String shortName = required("shortName", form.shortName(), 100);
        DivisionCode region = region(DivisionCode.of(required("regionCode", form.regionCode(), 12)));
        DepartmentLevel level = level(required("level", form.level(), 16));
        String address = required("address", form.address(), 300);
        String phone = required("phone", form.phone(), 50);
        String officeHours = required("officeHours", form.officeHours(), 200);
        String website = form.website() == null || form.website().isBlank() ? null
                : required("website", form.website(), 300);
        return new Department(code, name, shortName, region, level, address, phone, officeHours, website);
    }

    /** The region's code as the region tree has it ({@code 440300} becomes {@code 4403}), or a refusal. */
    DivisionCode region(DivisionCode code) {
        return regions.lookup(code).map(Region::code)
                .orElseThrow(() -> new BusinessException(DepartmentError.DEPARTMENT_REGION_UNKNOWN, code.value()));
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > maxLength) {
            throw new BusinessException(DepartmentError.DEPARTMENT_FIELD_INVALID, field, maxLength);
        }
        return v;
    }

    static DepartmentLevel level(String value) {
        return Arrays.stream(DepartmentLevel.values()).filter(l -> l.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new BusinessException(DepartmentError.DEPARTMENT_LEVEL_INVALID, value));
    }
}
