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

    /**
     * Whether work of {@code department} in {@code region} is within this staff member's scope: a platform
     * administrator's scope is everything; a supervisor's and a window clerk's (一窗受理: the comprehensive window
     * accepts for every department) every department of their region and the regions below it; everyone else's their
     * own department only. A 福田区 clerk's scope never includes 南山区 work.
     */
    public boolean covers(CreditCode department, DivisionCode region) {
        if (has(StaffRole.PLATFORM_ADMIN)) {
            return true;
        }
        if ((has(StaffRole.SUPERVISOR) || has(StaffRole.WINDOW_CLERK)) && region.isWithin(regionCode)) {
            return true;
        }
        return departmentCode.equals(department);
    }

    /** Platform administrators act for every department; everyone else only for their own. */
    public boolean mayManage(CreditCode department) {
        return has(StaffRole.PLATFORM_ADMIN) || departmentCode.equals(department);
    }
}
