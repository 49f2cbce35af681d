package org.yiwang.catalog;

/** 服务对象. {@link #NATURAL_PERSON} items are for persons (个人办事), the others for enterprises and organisations (法人办事). */
public enum ServiceObject {
    NATURAL_PERSON("1", "自然人"),
    ENTERPRISE("2", "企业法人"),
    PUBLIC_INSTITUTION("3", "事业法人"),
    SOCIAL_ORGANISATION("4", "社会组织法人"),
    ADMINISTRATIVE_ORGAN("5", "机关法人"),
    OTHER("6", "其他组织");

    private final String code;
    private final String label;

    ServiceObject(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Audience audience() {
        return this == NATURAL_PERSON ? Audience.PERSON : Audience.ENTERPRISE;
    }
}
