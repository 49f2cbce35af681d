package org.yiwang.department;

import org.jspecify.annotations.Nullable;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** A department (实施主体). {@code level} is the administrative level it belongs to. */
public record Department(
        CreditCode creditCode,
        String name,
        String shortName,
        DivisionCode regionCode,
        DepartmentLevel level,
        String address,
        String phone,
        String officeHours,
        @Nullable String website) {

    public enum DepartmentLevel {
        NATIONAL("国家级"), PROVINCE("省级"), CITY("市级"), COUNTY("县级"), TOWNSHIP("乡镇（街道）级");

        private final String label;

        DepartmentLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
