package org.yiwang.identity;

/** What a staff member may do. Granted to Spring Security as {@code ROLE_<name>}. */
public enum StaffRole {
    WINDOW_CLERK("窗口人员"),
    REVIEWER("审查人员"),
    APPROVER("审批人员"),
    DEPARTMENT_ADMIN("部门管理员"),
    SUPERVISOR("监督人员"),
    PLATFORM_ADMIN("平台管理员");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
