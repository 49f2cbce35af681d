package org.yiwang.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;

/**
 * What a staff member may see and do on cases, by {@link Staff#covers} — the platform's one scoping rule: a window
 * clerk and a supervisor cover every department of their region and below, the others their own department, a
 * platform administrator everything. Acting in a role needs the role, and for the department roles (审查, 审批,
 * 部门管理) the case's own department.
 */
final class StaffAccess {

    static final Set<StaffRole> DEPARTMENT_ROLES = EnumSet.of(StaffRole.REVIEWER, StaffRole.APPROVER,
            StaffRole.DEPARTMENT_ADMIN);

    private StaffAccess() {
    }

    static boolean maySee(Staff staff, CaseRecord c) {
        return staff.covers(c.department(), c.region());
    }

    static boolean mayActAs(Staff staff, StaffRole role, CaseRecord c) {
        return staff.has(role) && maySee(staff, c) && (!DEPARTMENT_ROLES.contains(role)
                || staff.has(StaffRole.PLATFORM_ADMIN) || staff.departmentCode().equals(c.department()));
    }

    /** The region prefix a region-scoped role covers (the 6-digit forms of a city or province count as the city). */
    static String regionPrefix(Staff staff) {
        String v = staff.regionCode().value();
        if (v.length() == 6 && v.endsWith("0000")) {
            return v.substring(0, 2);
        }
        return v.length() == 6 && v.endsWith("00") ? v.substring(0, 4) : v;
    }

    /** SQL on {@code service_case}: the cases the member may see. */
    static ApplicantAccess.Condition visible(Staff staff) {
        if (staff.has(StaffRole.PLATFORM_ADMIN)) {
            return new ApplicantAccess.Condition("TRUE", Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("dept", staff.departmentCode().value());
        String where = "department_code = :dept";
        if (staff.has(StaffRole.WINDOW_CLERK) || staff.has(StaffRole.SUPERVISOR)) {
            params.put("region", regionPrefix(staff) + "%");
            where = "(" + where + " OR region_code LIKE :region)";
        }
        return new ApplicantAccess.Condition(where, params);
    }

    /** SQL on {@code service_case}: open tasks the member may take, per role held. */
    static ApplicantAccess.Condition tasks(Staff staff) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("dept", staff.departmentCode().value());
        params.put("region", regionPrefix(staff) + "%");
        for (StaffRole role : List.of(StaffRole.WINDOW_CLERK, StaffRole.REVIEWER, StaffRole.APPROVER)) {
            if (staff.has(role)) {
                String scope = staff.has(StaffRole.PLATFORM_ADMIN) ? "TRUE"
                        : role == StaffRole.WINDOW_CLERK ? "region_code LIKE :region" : "department_code = :dept";
                parts.add("(task_role = '" + role.name() + "' AND " + scope + ")");
            }
        }
        if (parts.isEmpty()) {
            return new ApplicantAccess.Condition("FALSE", params);
        }
        return new ApplicantAccess.Condition("(" + String.join(" OR ", parts) + ")", params);
    }
}
