package org.yiwang.catalog;

/** Who a service is for on the portal: 个人办事 or 法人办事. */
public enum Audience {
    PERSON("个人"),
    ENTERPRISE("法人");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
