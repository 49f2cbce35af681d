package org.yiwang.department;

import org.jspecify.annotations.Nullable;

/** A department as the JSON API shows it. */
record DepartmentView(String creditCode, String name, String shortName, String regionCode,
        @Nullable String regionName, String level, String levelLabel, String address, String phone,
        String officeHours, @Nullable String website) {

    static DepartmentView of(Department d, @Nullable String regionName) {
        return new DepartmentView(d.creditCode().value(), d.name(), d.shortName(), d.regionCode().value(), regionName,
                d.level().name(), d.level().label(), d.address(), d.phone(), d.officeHours(), d.website());
    }
}
