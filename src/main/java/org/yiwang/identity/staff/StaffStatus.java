package org.yiwang.identity.staff;

/** Whether a staff account may log in. */
public enum StaffStatus {
    ACTIVE("正常"),
    DISABLED("已停用");

    private final String label;

    StaffStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
