package org.yiwang.seal;

/** The kinds of seal a department holds. */
public enum SealType {
    OFFICIAL("公章"),
    APPROVAL("行政审批专用章"),
    LICENCE("电子证照专用章");

    private final String label;

    SealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
