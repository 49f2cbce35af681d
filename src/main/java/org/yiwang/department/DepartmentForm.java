package org.yiwang.department;

import org.jspecify.annotations.Nullable;

/**
 * A department as submitted by an administrator or read from the demo data; checked by {@link DepartmentAdministration}.
 * {@code level} is the name of a {@link Department.DepartmentLevel}; {@code regionCode} a division code.
 */
public record DepartmentForm(@Nullable String creditCode, @Nullable String name, @Nullable String shortName,
        @Nullable String regionCode, @Nullable String level, @Nullable String address, @Nullable String phone,
        @Nullable String officeHours, @Nullable String website) {
}
