package org.yiwang.catalog;

/**
 * Life-cycle state of an item. A {@link #PUBLISHED} item may carry a newer draft version that is not public yet;
 * {@link #CANCELLED} is final.
 */
public enum ItemStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    SUSPENDED("已暂停"),
    CANCELLED("已取消");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == PUBLISHED;
    }
}
