package org.yiwang.seal;

/** A seal's status (印章状态). */
enum SealStatus {
    ACTIVE("有效"), SUSPENDED("暂停使用"), REVOKED("已注销");

    private final String label;

    SealStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
