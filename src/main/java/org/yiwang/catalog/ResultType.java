package org.yiwang.catalog;

/** 审批结果类型. */
public enum ResultType {
    CERTIFICATE("证照"),
    APPROVAL_DOCUMENT("批文"),
    OTHER("其他");

    private final String label;

    ResultType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
