package org.yiwang.catalog;

import org.jspecify.annotations.Nullable;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.shared.CreditCode;

/** Who acts on the catalogue: a staff member, or the platform itself (demo loading, imports) with no staff scope. */
record Actor(String name, @Nullable Staff staff) {

    static final Actor SYSTEM = new Actor("system", null);

    static Actor current() {
        Staff staff = CurrentStaff.require();
        return new Actor(staff.username(), staff);
    }

    boolean mayManage(String departmentCode) {
        return staff == null || (CreditCode.isValid(departmentCode) && staff.mayManage(CreditCode.of(departmentCode)));
    }
}
