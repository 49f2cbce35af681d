package org.yiwang.identity;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * A logged-in staff member (工作人员): the department and region bound their scope.
 *
 * <h2>Scope (数据权限)</h2>
 * Every permission is scoped by one rule, {@link #covers(StaffRole, CreditCode, DivisionCode)}: whether a staff
 * member, acting in a role they hold, may read or act on work (a case, an item, an account) that belongs to a
 * department and lies in a region.
 * <ul>
 * <li>平台管理员 {@link StaffRole#PLATFORM_ADMIN}: everything.</li>
 * <li>监督人员 {@link StaffRole#SUPERVISOR}: every department's work in their region and the regions below it
 * (a supervisor of 深圳市 covers 福田区 and 南山区).</li>
 * <li>窗口人员 {@link StaffRole#WINDOW_CLERK}: every department's work in their region and below (一窗受理: the
 * comprehensive window accepts for all departments of its region); a clerk of 福田区 does not cover 南山区.</li>
 * <li>审查人员, 审批人员, 部门管理员 ({@link StaffRole#REVIEWER}, {@link StaffRole#APPROVER},
 * {@link StaffRole#DEPARTMENT_ADMIN}): their own department's work only.</li>
 * </ul>
 * {@link #covers(CreditCode, DivisionCode)} asks whether any of the member's roles covers the work. Regions are
 * compared as the region tree writes them; the 6-digit form of a city or province ({@code 440300}, {@code 440000})
 * counts as that city or province.
 */
public record Staff(String username, String displayName, CreditCode departmentCode, DivisionCode regionCode,
        Set<StaffRole> roles) implements Serializable {

    /** Roles only a platform administrator may grant; a department administrator grants the others. */
    public static final Set<StaffRole> PLATFORM_GRANTED = Set.of(StaffRole.PLATFORM_ADMIN, StaffRole.SUPERVISOR,
            StaffRole.DEPARTMENT_ADMIN);

    public Staff {
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles));
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Platform administrators act for every department; everyone else only for their own. */
    public boolean mayManage(CreditCode department) {
        return has(StaffRole.PLATFORM_ADMIN) || departmentCode.equals(department);
    }

    /** Whether any of the member's roles covers work of this department in this region (see the class doc). */
    public boolean covers(CreditCode department, DivisionCode region) {
        return roles.stream().anyMatch(role -> covers(role, department, region));
    }

    /** Whether the member, acting as {@code role}, covers work of this department in this region. */
    public boolean covers(StaffRole role, CreditCode department, DivisionCode region) {
        if (!has(role)) {
            return false;
        }
        return switch (role) {
            case PLATFORM_ADMIN -> true;
            case SUPERVISOR, WINDOW_CLERK -> treeForm(region).isWithin(treeForm(regionCode));
            case REVIEWER, APPROVER, DEPARTMENT_ADMIN -> departmentCode.equals(department);
        };
    }

    /** Whether the member administers staff accounts (工作人员管理): platform or department administrators. */
    public boolean administersStaff() {
        return has(StaffRole.PLATFORM_ADMIN) || has(StaffRole.DEPARTMENT_ADMIN);
    }

    /**
     * Whether the member may change the account of {@code other}: a platform administrator anyone's; a department
     * administrator the accounts of their department that hold only roles they may grant. Nobody their own account
     * here (their own password is changed on their account page).
     */
    public boolean mayAdminister(Staff other) {
        if (other.username.equals(username)) {
            return false;
        }
        return has(StaffRole.PLATFORM_ADMIN) || covers(StaffRole.DEPARTMENT_ADMIN, other.departmentCode,
                other.regionCode) && mayGrant(other.roles);
    }

    /** Whether the member may see the accounts of staff of this department. */
    public boolean maySeeStaffOf(CreditCode department) {
        return has(StaffRole.PLATFORM_ADMIN) || has(StaffRole.DEPARTMENT_ADMIN) && departmentCode.equals(department);
    }

    /** Whether the member may grant all these roles. */
    public boolean mayGrant(Set<StaffRole> granted) {
        return has(StaffRole.PLATFORM_ADMIN)
                || has(StaffRole.DEPARTMENT_ADMIN) && granted.stream().noneMatch(PLATFORM_GRANTED::contains);
    }

    private static DivisionCode treeForm(DivisionCode code) {
        String v = code.value();
        if (v.length() == 6 && v.endsWith("0000")) {
            return new DivisionCode(v.substring(0, 2));
        }
        if (v.length() == 6 && v.endsWith("00")) {
            return new DivisionCode(v.substring(0, 4));
        }
        return code;
    }
}
