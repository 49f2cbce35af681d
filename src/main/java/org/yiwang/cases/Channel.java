package org.yiwang.cases;

/**
 * How a case came in (申报渠道); {@link #handlingForm()} is the GB/T 39046 handling-form code (1 window, 2 online PC).
 */
public enum Channel {
    ONLINE("网上申报", "2"),
    WINDOW("窗口申报", "1");

    private final String label;
    private final String handlingForm;

    Channel(String label, String handlingForm) {
        this.label = label;
        this.handlingForm = handlingForm;
    }

    public String label() {
        return label;
    }

    public String handlingForm() {
        return handlingForm;
    }
}
