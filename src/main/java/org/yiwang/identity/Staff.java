package org.yiwang.identity;

import java.io.Serializable;
import java.util.Set;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** A logged-in staff member: the department and region bound their scope. */
public record Staff(String username, String displayName, CreditCode departmentCode, DivisionCode regionCode,
        Set<StaffRole> roles) implements Serializable {

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Platform administrators act for every department; everyone else only for their own. */
    public boolean mayManage(CreditCode department) {
        return has(StaffRole.PLATFORM_ADMIN) || departmentCode.equals(department);
    }
}
