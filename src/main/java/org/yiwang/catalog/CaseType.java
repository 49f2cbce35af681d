package org.yiwang.catalog;

/** 办件类型: 即办件 are accepted and finished at once; 承诺件 within the promised time limit. */
public enum CaseType {
    IMMEDIATE("1", "即办件"),
    PROMISED("2", "承诺件"),
    OTHER("9", "其他");

    private final String code;
    private final String label;

    CaseType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
