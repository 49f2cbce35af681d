package org.yiwang.cases;

/** Time-limit warning of a running case (违规预警): yellow when few working days remain, red when overdue. */
public enum Warning {
    NONE("正常"),
    YELLOW("黄色预警"),
    RED("红色预警（已超期）");

    private final String label;

    Warning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
